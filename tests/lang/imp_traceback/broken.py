import helper


def load(config):
    return config['missing']


settings = {'debug': True}
value = helper.safe_div(10, 4)
loaded = load(settings)
