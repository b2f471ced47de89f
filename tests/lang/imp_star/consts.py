GRAVITY = 9.81
C_LIGHT = 299792458
_SECRET = 'not exported'
_SECRET_OK = 'underscored but listed'
__all__ = [n for n in ('GRAVITY', 'C_LIGHT', '_SECRET_OK')]   # computed: decided at run time
