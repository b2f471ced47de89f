VALUE = 'fixed'
