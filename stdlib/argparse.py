"""Command-line parsing: ArgumentParser with positional and optional
arguments (the store, store_const, store_true/false, append,
append_const, extend, count, help and version actions; nargs ?, *, +, N
and REMAINDER; type, choices, default, required, dest, metavar),
argument groups, mutually exclusive groups, subcommands, parse_args,
parse_known_args, and CPython's usage/help layout and error messages."""

import os as _os
import sys as _sys

__all__ = ['ArgumentParser', 'ArgumentError', 'ArgumentTypeError', 'FileType',
           'HelpFormatter', 'ArgumentDefaultsHelpFormatter', 'RawDescriptionHelpFormatter',
           'RawTextHelpFormatter', 'MetavarTypeHelpFormatter', 'Namespace', 'Action',
           'BooleanOptionalAction', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER',
           'SUPPRESS', 'ZERO_OR_MORE']

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'


class Namespace:
    """Simple object for storing attributes."""

    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        args = []
        star = {}
        for name, value in self.__dict__.items():
            if name.isidentifier():
                args.append('%s=%r' % (name, value))
            else:
                star[name] = value
        if star:
            args.append('**%s' % repr(star))
        return '%s(%s)' % (type(self).__name__, ', '.join(args))

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    """An error from creating or using an argument (optional or positional)."""

    def __init__(self, argument, message):
        self.argument_name = _arg_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """An error from trying to convert a command line string to a type."""


def _arg_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return '/'.join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        return argument.metavar if isinstance(argument.metavar, str) else argument.metavar[0]
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    return None


class Action:
    """Information about how to convert command line strings to Python
    objects (subclass and define __call__ for a custom action)."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def _get_kwargs(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices',
                 'required', 'help', 'metavar']
        return [(name, getattr(self, name)) for name in names]

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join('%s=%r' % kv for kv in self._get_kwargs()))

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError('nargs for store actions must be != 0; if you have nothing to '
                             'store, actions such as store true or store const may be more '
                             'appropriate')
        if const is not None and nargs != OPTIONAL:
            raise ValueError('nargs must be %r to supply const' % OPTIONAL)
        super().__init__(option_strings, dest, nargs, const, default, type, choices, required,
                         help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, True, default, required, help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        super().__init__(option_strings, dest, False, default, required, help)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError('nargs for append actions must be != 0; if arg strings are not '
                             'supplying the value to append, the append const action may be '
                             'more appropriate')
        super().__init__(option_strings, dest, nargs, const, default, type, choices, required,
                         help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = list(items) if items is not None else []
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = list(items) if items is not None else []
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = list(items) if items is not None else []
        items.extend(values)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, required=required,
                         help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        super().__init__(option_strings, dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, default=default, nargs=0, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        text = version.replace('%(prog)s', parser.prog)
        parser._print_message(text + '\n', _sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        _option_strings = []
        for option_string in option_strings:
            _option_strings.append(option_string)
            if option_string.startswith('--'):
                _option_strings.append('--no-' + option_string[2:])
        if help is not None and default is not None and default is not SUPPRESS:
            help += " (default: %(default)s)"
        super().__init__(_option_strings, dest, nargs=0, default=default, type=type,
                         choices=choices, required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


class _SubParsersAction(Action):
    class _ChoicesPseudoAction(Action):
        def __init__(self, name, aliases, help):
            metavar = dest = name
            if aliases:
                metavar += ' (%s)' % ', '.join(aliases)
            super().__init__(option_strings=[], dest=dest, help=help, metavar=metavar)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings=option_strings, dest=dest, nargs=PARSER,
                         choices=self._name_parser_map, required=required, help=help,
                         metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._prog_prefix, name)
        aliases = kwargs.pop('aliases', ())
        if 'help' in kwargs:
            help = kwargs.pop('help')
            self._choices_actions.append(self._ChoicesPseudoAction(name, aliases, help))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        parser_name = values[0]
        arg_strings = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, parser_name)
        try:
            subparser = self._name_parser_map[parser_name]
        except KeyError:
            msg = 'unknown parser %(parser_name)r (choices: %(choices)s)' % {
                'parser_name': parser_name, 'choices': ', '.join(self._name_parser_map)}
            raise ArgumentError(self, msg)
        subnamespace, arg_strings = subparser.parse_known_args(arg_strings, None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if arg_strings:
            vars(namespace).setdefault('_UNRECOGNIZED_ARGS_ATTR', [])
            getattr(namespace, '_UNRECOGNIZED_ARGS_ATTR').extend(arg_strings)


class FileType:
    """Factory for creating file object types: FileType('r')('name')."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            if 'r' in self._mode:
                return _sys.stdin
            return _sys.stdout
        try:
            return open(string, self._mode, self._bufsize, self._encoding, self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        args = [self._mode, self._bufsize]
        return '%s(%s)' % (type(self).__name__, ', '.join(repr(a) for a in args if a != -1))


# ---- help formatting ------------------------------------------------------------------

def _wrap(text, width):
    import textwrap
    text = ' '.join(text.split())
    return textwrap.wrap(text, width)


class HelpFormatter:
    """Formatter for generating usage messages and argument help strings."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            import shutil
            width = shutil.get_terminal_size().columns
            width -= 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._width = width

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{%s}' % ','.join(map(str, action.choices))
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        if action.nargs is None:
            result = '%s' % get_metavar(1)
        elif action.nargs == OPTIONAL:
            result = '[%s]' % get_metavar(1)
        elif action.nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            if len(metavar) == 2:
                result = '[%s [%s ...]]' % metavar
            else:
                result = '[%s ...]' % metavar
        elif action.nargs == ONE_OR_MORE:
            result = '%s [%s ...]' % get_metavar(2)
        elif action.nargs == REMAINDER:
            result = '...'
        elif action.nargs == PARSER:
            result = '%s ...' % get_metavar(1)
        elif action.nargs == SUPPRESS:
            result = ''
        else:
            formats = ['%s' for _ in range(action.nargs)]
            result = ' '.join(formats) % get_metavar(action.nargs)
        return result

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            metavar, = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        default = self._get_default_metavar_for_optional(action)
        args_string = self._format_args(action, default)
        return ', '.join('%s %s' % (o, args_string) for o in action.option_strings)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], '__name__'):
                params[name] = params[name].__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join([str(c) for c in params['choices']])
        return self._get_help_string(action) % params

    def _get_help_string(self, action):
        return action.help

    def _split_lines(self, text, width):
        return _wrap(text, width)

    def _fill_text(self, text, width, indent):
        import textwrap
        text = ' '.join(text.split())
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    # usage

    def _usage_parts(self, actions, groups):
        # (optionals parts, positionals parts), each part a string;
        # mutually exclusive groups bracketed together.
        group_of = {}
        for g in groups:
            for a in g._group_actions:
                group_of[a] = g
        opt_parts = []
        pos_parts = []
        done_groups = set()
        for action in actions:
            if action.help is SUPPRESS:
                continue
            g = group_of.get(action)
            if g is not None:
                if id(g) in done_groups:
                    continue
                done_groups.add(id(g))
                inner = []
                for a in g._group_actions:
                    if a.help is SUPPRESS:
                        continue
                    inner.append(self._usage_item(a, bare=True))
                if not inner:
                    continue
                text = ' | '.join(inner)
                text = ('(%s)' if g.required else '[%s]') % text
                if len(inner) == 1 and g.required:
                    text = inner[0]
                (opt_parts if action.option_strings else pos_parts).append(text)
                continue
            if action.option_strings:
                opt_parts.append(self._usage_item(action))
            else:
                part = self._usage_item(action)
                if part:
                    pos_parts.append(part)
        return opt_parts, pos_parts

    def _usage_item(self, action, bare=False):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            return self._format_args(action, default)
        option_string = action.option_strings[0]
        if action.nargs == 0:
            part = action.format_usage()
        else:
            default = self._get_default_metavar_for_optional(action)
            part = '%s %s' % (option_string, self._format_args(action, default))
        if not action.required and not bare:
            part = '[%s]' % part
        return part

    def format_usage_text(self, usage, actions, groups, prefix=None):
        if prefix is None:
            prefix = 'usage: '
        prog = self._prog
        if usage is not None:
            usage = usage % dict(prog=prog)
            return '%s%s\n\n' % (prefix, usage)
        opt_parts, pos_parts = self._usage_parts(actions, groups)
        parts = opt_parts + pos_parts
        usage = ' '.join([prog] + parts)
        text_width = self._width - 0
        if len(prefix) + len(usage) > text_width:
            # wrap: the parts after prog, aligned after it (or under it
            # when prog is long)
            def get_lines(parts, indent, prefix=None):
                lines = []
                line = []
                indent_length = len(indent)
                if prefix is not None:
                    line_len = len(prefix) - 1
                else:
                    line_len = indent_length - 1
                for part in parts:
                    if line_len + 1 + len(part) > text_width and line:
                        lines.append(indent + ' '.join(line))
                        line = []
                        line_len = indent_length - 1
                    line.append(part)
                    line_len += len(part) + 1
                if line:
                    lines.append(indent + ' '.join(line))
                if prefix is not None:
                    lines[0] = lines[0][len(indent):]
                return lines

            if len(prefix) + len(prog) <= 0.75 * text_width:
                indent = ' ' * (len(prefix) + len(prog) + 1)
                if opt_parts:
                    lines = get_lines([prog] + opt_parts, indent, prefix)
                    lines.extend(get_lines(pos_parts, indent))
                elif pos_parts:
                    lines = get_lines([prog] + pos_parts, indent, prefix)
                else:
                    lines = [prog]
            else:
                indent = ' ' * len(prefix)
                parts = opt_parts + pos_parts
                lines = get_lines(parts, indent)
                if len(lines) > 1:
                    lines = []
                    lines.extend(get_lines(opt_parts, indent))
                    lines.extend(get_lines(pos_parts, indent))
                lines = [prog] + lines
            usage = '\n'.join(lines)
        return '%s%s\n\n' % (prefix, usage)

    def format_action(self, action, indent):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - indent - 2
        action_header = self._format_action_invocation(action)
        if not action.help:
            lines = ['%*s%s\n' % (indent, '', action_header)]
        elif len(action_header) <= action_width:
            lines = ['%*s%-*s  ' % (indent, '', action_width, action_header)]
            help_lines = self._split_lines(self._expand_help(action), help_width)
            if help_lines:
                lines[0] += help_lines[0] + '\n'
                for line in help_lines[1:]:
                    lines.append('%*s%s\n' % (help_position, '', line))
            else:
                lines[0] = lines[0].rstrip() + '\n'
        else:
            lines = ['%*s%s\n' % (indent, '', action_header)]
            help_lines = self._split_lines(self._expand_help(action), help_width)
            for line in help_lines:
                lines.append('%*s%s\n' % (help_position, '', line))
        for sub in self._iter_subactions(action):
            lines.append(self.format_action(sub, indent + self._indent_increment))
        return ''.join(lines)

    def _iter_subactions(self, action):
        get = getattr(action, '_get_subactions', None)
        return get() if get is not None else []

    def measure(self, actions):
        m = 0
        for a in actions:
            if a.help is SUPPRESS:
                continue
            m = max(m, len(self._format_action_invocation(a)) + self._indent_increment)
            for sub in self._iter_subactions(a):
                m = max(m, len(self._format_action_invocation(sub)) +
                        2 * self._indent_increment)
        self._action_max_length = m


class RawDescriptionHelpFormatter(HelpFormatter):
    """Help message formatter which retains any formatting in descriptions."""

    def _fill_text(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Help message formatter which retains formatting of all help text."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Help message formatter which adds default values to argument help."""

    def _get_help_string(self, action):
        help = action.help
        if help is None:
            help = ''
        if '%(default)' not in help:
            if action.default is not SUPPRESS:
                if action.option_strings or action.nargs in [OPTIONAL, ZERO_OR_MORE]:
                    help += ' (default: %(default)s)'
        return help


class MetavarTypeHelpFormatter(HelpFormatter):
    """Help message formatter which uses the argument 'type' as the default
    metavar value (instead of the argument 'dest')"""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---- containers --------------------------------------------------------------------------

_ACTIONS = {None: _StoreAction, 'store': _StoreAction, 'store_const': _StoreConstAction,
            'store_true': _StoreTrueAction, 'store_false': _StoreFalseAction,
            'append': _AppendAction, 'append_const': _AppendConstAction,
            'extend': _ExtendAction, 'count': _CountAction, 'help': _HelpAction,
            'version': _VersionAction, 'parsers': _SubParsersAction}


class _ActionsContainer:
    def _init_container(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._registries = {}
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...)
        add_argument(option_string, option_string, ..., name=value, ...)"""
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)
        if 'default' not in kwargs:
            dest = kwargs['dest']
            if dest in self._defaults:
                kwargs['default'] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default
        action_name = kwargs.pop('action', None)
        action_class = self._registries.get('action', {}).get(action_name)
        if action_class is None:
            action_class = _ACTIONS.get(action_name, action_name) \
                if not callable(action_name) or isinstance(action_name, str) else action_name
        if not callable(action_class) or isinstance(action_class, str):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)
        type_func = action.type
        if type_func is not None and not callable(type_func):
            raise ValueError('%r is not callable' % (type_func,))
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        for option_string in action.option_strings:
            if option_string in self._option_string_actions:
                if self.conflict_handler == 'resolve':
                    old = self._option_string_actions[option_string]
                    old.option_strings.remove(option_string)
                    if not old.option_strings:
                        old.container._remove_action(old)
                else:
                    raise ArgumentError(action, 'conflicting option string: %s' % option_string)
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        if kwargs.get('nargs') not in [OPTIONAL, ZERO_OR_MORE]:
            kwargs['required'] = True
        if kwargs.get('nargs') == ZERO_OR_MORE and 'default' not in kwargs:
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if not option_string[0] in self.prefix_chars:
                raise ValueError('invalid option string %r: must start with a character %r'
                                 % (option_string, self.prefix_chars))
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)
        dest = kwargs.pop('dest', None)
        if dest is None:
            if long_option_strings:
                dest_option_string = long_option_strings[0]
            else:
                dest_option_string = option_strings[0]
            dest = dest_option_string.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError('dest= is required for options like %r' % option_string)
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=option_strings)


class _ArgumentGroup(_ActionsContainer):
    def __init__(self, container, title=None, description=None, **kwargs):
        self._init_container(description, container.prefix_chars, container.argument_default,
                             container.conflict_handler)
        self.title = title
        self._group_actions = []
        self._container = container
        self._registries = container._registries
        self._defaults = container._defaults
        self._option_string_actions = container._option_string_actions

    def _add_action(self, action):
        action = _ActionsContainer._add_action(self._container, action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action


class ArgumentParser(_ActionsContainer):
    """Object for parsing command line strings into Python objects."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        self._init_container(description, prefix_chars, argument_default, conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv else ''
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        self._subparsers = None
        default_prefix = '-' if '-' in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(default_prefix + 'h', default_prefix * 2 + 'help', action='help',
                              default=SUPPRESS, help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if action.option_strings and action.option_strings[0] in ('-h', '--help'):
                    continue
                group = self._optionals if action.option_strings else self._positionals
                group._add_action(action)
            self._defaults.update(parent._defaults)

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error('cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get('prog') is None:
            formatter = self._get_formatter()
            positionals = [a for a in self._actions if not a.option_strings]
            formatter.measure([])
            text = formatter.format_usage_text(None, positionals, self._mutually_exclusive_groups,
                                               '')
            kwargs['prog'] = text.strip()
        action = _SubParsersAction(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    # ---- parsing ---------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            msg = 'unrecognized arguments: %s'
            self.error(msg % ' '.join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS:
                if not hasattr(namespace, action.dest):
                    if action.default is not SUPPRESS:
                        setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)
        if hasattr(namespace, '_UNRECOGNIZED_ARGS_ATTR'):
            args.extend(getattr(namespace, '_UNRECOGNIZED_ARGS_ATTR'))
            delattr(namespace, '_UNRECOGNIZED_ARGS_ATTR')
        return namespace, args

    def _is_option(self, arg):
        if not arg or arg[0] not in self.prefix_chars:
            return False
        if arg in self._option_string_actions:
            return True
        if len(arg) == 1:
            return False
        if '=' in arg:
            if arg.split('=', 1)[0] in self._option_string_actions:
                return True
        if self._looks_negative(arg) and not self._negative_optionals():
            return False
        if ' ' in arg:
            return False
        return True

    def _looks_negative(self, arg):
        try:
            float(arg)
            return arg.startswith('-')
        except ValueError:
            return False

    def _negative_optionals(self):
        return any(self._looks_negative(o) for o in self._option_string_actions)

    def _match_option(self, arg):
        # (action, option_string, explicit_arg) or None
        if arg in self._option_string_actions:
            return self._option_string_actions[arg], arg, None
        if '=' in arg:
            opt, explicit = arg.split('=', 1)
            if opt in self._option_string_actions:
                return self._option_string_actions[opt], opt, explicit
        chars = self.prefix_chars
        # single-dash short option with its value attached (-xVALUE) or
        # several flags together (-xyz)
        if len(arg) > 2 and arg[0] in chars and arg[1] not in chars:
            short = arg[:2]
            if short in self._option_string_actions:
                return self._option_string_actions[short], short, arg[2:]
        if self.allow_abbrev and arg.startswith(chars[0] * 2) or \
                (self.allow_abbrev and len(arg) > 2 and arg[1] not in chars):
            prefix = arg.split('=', 1)[0]
            explicit = arg.split('=', 1)[1] if '=' in arg else None
            matches = [o for o in self._option_string_actions if o.startswith(prefix)
                       and (len(o) > 2 and o[1] in chars) == (len(prefix) > 1 and
                                                               prefix[1] in chars)]
            if len(matches) > 1:
                args = {'option': arg, 'matches': ', '.join(matches)}
                self.error('ambiguous option: %(option)s could match %(matches)s' % args)
            if len(matches) == 1:
                return self._option_string_actions[matches[0]], matches[0], explicit
        return None

    def _parse_known_args(self, arg_strings, namespace):
        extras = []
        seen = set()
        seen_non_default = set()
        conflicts = {}
        for g in self._mutually_exclusive_groups:
            for a in g._group_actions:
                conflicts.setdefault(a, []).extend(x for x in g._group_actions if x is not a)

        def take(action, values, option_string=None):
            seen.add(action)
            value = self._get_values(action, values)
            if value is not action.default:
                seen_non_default.add(action)
                for other in conflicts.get(action, ()):
                    if other in seen_non_default:
                        raise ArgumentError(action, 'not allowed with argument %s'
                                            % _arg_name(other))
            if value is not SUPPRESS:
                action(self, namespace, value, option_string)

        positionals = [a for a in self._actions if not a.option_strings]
        # Split the command line into option groups and positional runs.
        items = []     # ('O', action, option_string, explicit, [args]) or ('A', arg)
        i = 0
        n = len(arg_strings)
        while i < n:
            arg = arg_strings[i]
            if arg == '--':
                items.append(('--', None))
                i += 1
                while i < n:
                    items.append(('A', arg_strings[i]))
                    i += 1
                break
            if self._is_option(arg):
                m = self._match_option(arg)
                if m is None:
                    items.append(('U', arg))
                    i += 1
                    continue
                items.append(('O', m))
            else:
                items.append(('A', arg))
            i += 1

        # Walk the items: options consume following plain arguments as
        # their nargs allow; runs of plain arguments fill positionals.
        pos_index = 0
        k = 0
        pending = []
        after_dashdash = False

        def fill_positionals(strings, final):
            nonlocal pos_index
            # Greedy in order, as CPython: each positional takes what its
            # nargs allows, leaving at least the minimum for the rest.
            idx = 0
            while pos_index < len(positionals):
                action = positionals[pos_index]
                rest_min = sum(_min_args(a) for a in positionals[pos_index + 1:])
                avail = len(strings) - idx
                nargs = action.nargs
                if nargs is None:
                    cnt = 1
                elif nargs == OPTIONAL:
                    cnt = 1 if avail - rest_min >= 1 else 0
                elif nargs == ZERO_OR_MORE:
                    cnt = max(avail - rest_min, 0)
                elif nargs == ONE_OR_MORE:
                    cnt = max(avail - rest_min, 1)
                elif nargs == REMAINDER:
                    cnt = avail
                elif nargs == PARSER:
                    cnt = max(avail, 1)   # a subcommand needs its name
                else:
                    cnt = nargs
                if cnt > avail:
                    if not final:
                        break
                    break
                if avail == 0 and not final and nargs in (OPTIONAL, ZERO_OR_MORE):
                    break
                take(action, strings[idx:idx + cnt])
                idx += cnt
                pos_index += 1
                if nargs == PARSER:
                    idx = len(strings)
                    break
            return strings[idx:]

        while k < len(items):
            kind, payload = items[k]
            if kind == '--':
                after_dashdash = True
                k += 1
                continue
            if kind == 'U':
                extras.append(payload)
                k += 1
                continue
            if kind == 'A':
                # a run of positionals (up to the next option)
                run = []
                while k < len(items) and items[k][0] in ('A', '--'):
                    if items[k][0] == 'A':
                        run.append(items[k][1])
                    k += 1
                # A PARSER/REMAINDER positional swallows the rest, options too.
                if pos_index < len(positionals) and positionals[pos_index].nargs in \
                        (PARSER, REMAINDER) and _min_before(positionals, pos_index, run):
                    rest_strings = run + [_orig(it) for it in items[k:]]
                    k = len(items)
                    left = fill_positionals(rest_strings, True)
                else:
                    left = fill_positionals(run, k >= len(items))
                extras.extend(left)
                continue
            action, option_string, explicit = payload
            k += 1
            nargs = action.nargs
            if explicit is not None:
                if nargs == 0:
                    # -xyz: flags together
                    if option_string[1] not in self.prefix_chars and explicit and \
                            explicit[0] not in '=':
                        take(action, [], option_string)
                        nxt = '-' + explicit
                        m = self._match_option(nxt)
                        if m is None:
                            raise ArgumentError(action, 'ignored explicit argument %r'
                                                % explicit)
                        items.insert(k, ('O', m))
                        continue
                    raise ArgumentError(action, 'ignored explicit argument %r' % explicit)
                if explicit.startswith('=') and option_string[1] not in self.prefix_chars:
                    explicit = explicit[1:]
                if nargs in (None, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE) or nargs == 1:
                    take(action, [explicit] if nargs in (None, OPTIONAL) else [explicit],
                         option_string)
                    continue
                raise ArgumentError(action, _nargs_error(nargs))
            # count the following plain arguments
            avail = []
            j = k
            while j < len(items) and items[j][0] == 'A':
                avail.append(items[j][1])
                j += 1
            if nargs is None:
                want = 1
            elif nargs == OPTIONAL:
                want = min(1, len(avail))
            elif nargs in (ZERO_OR_MORE, ONE_OR_MORE):
                want = len(avail)
            elif nargs == REMAINDER:
                want = len(avail)
            elif nargs == PARSER:
                want = len(avail)
            else:
                want = nargs
            if want > len(avail) or (nargs == ONE_OR_MORE and not avail):
                raise ArgumentError(action, _nargs_error(nargs))
            take(action, avail[:want], option_string)
            k += want

        # whatever positionals are left get their defaults or an error
        if pos_index < len(positionals):
            fill_positionals([], True)
        required = []
        for action in self._actions:
            if action not in seen:
                if action.required:
                    required.append(_arg_name(action))
                elif (action.default is not None and isinstance(action.default, str) and
                      hasattr(namespace, action.dest) and
                      action.default is getattr(namespace, action.dest)):
                    setattr(namespace, action.dest, self._get_value(action, action.default))
        if required:
            raise ArgumentError(None, 'the following arguments are required: %s'
                                % ', '.join(required))
        for group in self._mutually_exclusive_groups:
            if group.required:
                if not any(a in seen_non_default for a in group._group_actions):
                    names = [_arg_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                    raise ArgumentError(None, 'one of the arguments %s is required'
                                        % ' '.join(names))
        return namespace, extras

    def _get_values(self, action, arg_strings):
        if action.nargs not in [PARSER, REMAINDER]:
            try:
                arg_strings.remove('--')
            except ValueError:
                pass
        if not arg_strings and action.nargs == OPTIONAL:
            if action.option_strings:
                value = action.const
            else:
                value = action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif (not arg_strings and action.nargs == ZERO_OR_MORE and not action.option_strings):
            if action.default is not None:
                value = action.default
            else:
                value = arg_strings
            self._check_value(action, value)
        elif len(arg_strings) == 1 and action.nargs in [None, OPTIONAL]:
            arg_string, = arg_strings
            value = self._get_value(action, arg_string)
            self._check_value(action, value)
        elif action.nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif action.nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif action.nargs == SUPPRESS:
            value = SUPPRESS
        elif action.nargs == 0:
            value = action.const if False else None
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = action.type
        if type_func is None:
            return arg_string
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, 'invalid %s value: %r' % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            args = {'value': value, 'choices': ', '.join(map(repr, action.choices))}
            msg = 'invalid choice: %(value)r (choose from %(choices)s)'
            raise ArgumentError(action, msg % args)

    # ---- help -----------------------------------------------------------------------

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.measure(self._actions)
        return formatter.format_usage_text(self.usage, self._actions,
                                           self._mutually_exclusive_groups)[:-1]

    def format_help(self):
        formatter = self._get_formatter()
        formatter.measure(self._actions)
        out = [formatter.format_usage_text(self.usage, self._actions,
                                           self._mutually_exclusive_groups)]
        width = formatter._width
        if self.description:
            out.append(formatter._fill_text(self.description, width, '') + '\n\n')
        for group in self._action_groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            if not actions and not group.description:
                continue
            out.append('%s:\n' % group.title if group.title else '')
            if group.description:
                out.append(formatter._fill_text(group.description, width, '  ') + '\n\n')
            for a in actions:
                out.append(formatter.format_action(a, 2))
            out.append('\n')
        if self.epilog:
            out.append(formatter._fill_text(self.epilog, width, '') + '\n')
        text = ''.join(out)
        text = text.rstrip('\n') + '\n'
        return text

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage().rstrip('\n') + '\n', file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            file = file or _sys.stderr
            try:
                file.write(message)
            except (AttributeError, OSError):
                pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """error(message: string)

        Prints a usage message incorporating the message to stderr and
        exits."""
        self.print_usage(_sys.stderr)
        args = {'prog': self.prog, 'message': message}
        self.exit(2, '%(prog)s: error: %(message)s\n' % args)

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]


def _orig(item):
    kind, payload = item
    if kind == 'A' or kind == 'U':
        return payload
    if kind == '--':
        return '--'
    action, opt, explicit = payload
    return opt if explicit is None else opt + '=' + explicit


def _min_before(positionals, idx, run):
    return True


def _min_args(action):
    nargs = action.nargs
    if nargs is None:
        return 1
    if nargs in (OPTIONAL, ZERO_OR_MORE, REMAINDER):
        return 0
    if nargs in (ONE_OR_MORE, PARSER):
        return 1
    if nargs == SUPPRESS:
        return 0
    return nargs


def _nargs_error(nargs):
    if nargs is None:
        return 'expected one argument'
    if nargs == OPTIONAL:
        return 'expected at most one argument'
    if nargs == ONE_OR_MORE:
        return 'expected at least one argument'
    return 'expected %s argument%s' % (nargs, 's' if nargs != 1 else '')
