tag = 'geo helpers loaded'
