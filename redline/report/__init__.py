"""redline.report"""
