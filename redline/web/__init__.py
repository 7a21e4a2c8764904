"""redline.web"""
