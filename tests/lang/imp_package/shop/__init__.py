"""A small shop package."""
print('shop/__init__ runs:', __name__, __package__)
VERSION = '1.0'
loaded = ['shop']
