"""Registers the text-only extractors: times and quantities."""

from __future__ import annotations

from .registry import Context, register


@register("times", requires=("article",), provides=("times",))
def extract_times(ctx: Context) -> dict[str, object]:
    from .times import find_times

    return {"times": tuple(find_times(ctx.article.text, ctx.article.date))}


@register("quantities", requires=("article",), provides=("quantities",))
def extract_quantities(ctx: Context) -> dict[str, object]:
    from .quantities import find_quantities

    return {"quantities": tuple(find_quantities(ctx.article.text))}
