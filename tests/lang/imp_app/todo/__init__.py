"""A to-do list application."""
__version__ = '0.3'
