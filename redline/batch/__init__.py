"""redline.batch"""
