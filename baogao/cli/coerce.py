"""Parameter values converted without pydantic when that is plain (start-up speed).

Typer 0.2x converts every parameter value of a command, defaults included, through a pydantic
``TypeAdapter`` built on first use: importing pydantic and building a dozen adapters cost
about 0.3 s CPU on every ``baogao ls``, ``facts`` or ``search``. The values of this CLI are
plain (strings, whole numbers with bounds, choices of an enum, paths, lists of those), so
``light`` gives each parameter a converter that handles exactly those cases and hands every
other value, and every value it would reject, to Typer's own converter: errors, their
messages and anything unusual stay Typer's. Older Typers (without per-parameter
converters) are left as they are.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any

_typer: dict[str, Any] = {}
try:  # Typer ≥ 0.2x internals; absent in older versions (then nothing is changed)
    from typer import _coercion, _param_types, _typing, core

    _typer.update(RuntimeParam=_coercion.RuntimeParam, build=_coercion.build_runtime_param,
                  choice=_param_types.coerce_cli_choice, path=_param_types.coerce_cli_path,
                  routes_to_path=_param_types.routes_to_path, get_args=_typing.get_args,
                  get_origin=_typing.get_origin, Parameter=core._TyperParameter)
except (ImportError, AttributeError):  # pragma: no cover - older Typer
    _typer.clear()

_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")


class _Declined(Exception):
    """The value is not plain: Typer's own converter takes it."""


def light(command: Any) -> Any:
    """Give the parameters of ``command`` (a Click command from Typer) the plain converter;
    returns ``command``."""
    if not _typer:
        return command
    for sub in getattr(command, "commands", {}).values():  # a group's commands
        light(sub)
    for param in getattr(command, "params", ()):
        _plain(param)
    made = getattr(command, "get_help_option", None)
    if made is not None:  # --help is made when the command line is read

        def help_option(ctx: Any) -> Any:
            return _plain(made(ctx))

        command.get_help_option = help_option
    return command


def _plain(param: Any) -> Any:
    if isinstance(param, _typer["Parameter"]) and param._runtime_param is None:
        desc = param.type_descriptor
        param._runtime_param = _Plain(parameter_info=desc.parameter_info,
                                      annotation=desc.annotation)
    return param


_BASE: Any = _typer.get("RuntimeParam", object)


class _Plain(_BASE):  # type: ignore[misc]
    """Plain values converted here; anything else by Typer's converter (the base is Typer's
    ``RuntimeParam``, a frozen dataclass of ``parameter_info`` and ``annotation``)."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            origin: Any = _typer["get_origin"](self.annotation)
            if origin is list:
                (item,) = _typer["get_args"](self.annotation)
                items = value if isinstance(value, list | tuple) else [value]
                return [self._leaf(item, v, ctx) for v in items]
            if origin is not None:
                raise _Declined
            return self._leaf(self.annotation, value, ctx)
        except _Declined:
            pass
        full = _typer["build"](param.type_descriptor)
        param._runtime_param = full  # later values go straight to Typer's converter
        return full._coerce_value(value, param=param, ctx=ctx)

    def _leaf(self, annotation: Any, value: Any, ctx: Any) -> Any:
        info = self.parameter_info
        if info.parser is not None:
            raise _Declined
        if annotation is str and isinstance(value, str):
            return value
        if annotation is int and not info.clamp:
            if isinstance(value, str) and _INT.fullmatch(value):
                number = int(value)
            elif type(value) is int:
                number = value
            else:
                raise _Declined
            if (info.min is not None and number < info.min) or (
                    info.max is not None and number > info.max):
                raise _Declined
            return number
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            if isinstance(value, annotation):
                return value
            if not isinstance(value, str):
                raise _Declined
            try:
                return _typer["choice"](value, choices=list(annotation),
                                         case_sensitive=info.case_sensitive, ctx=ctx)
            except ValueError:
                raise _Declined from None
        if (isinstance(annotation, type) and issubclass(annotation, Path)
                and _typer["routes_to_path"](annotation, info) and info.path_type is None
                and isinstance(value, str) and value):
            try:
                return _typer["path"](annotation(value), info, path_type=annotation)
            except Exception:  # Typer's converter says why, in its words
                raise _Declined from None
        raise _Declined
