"""Say in words what was applied to the charted series (FRED: "the chart says what was applied")."""

from __future__ import annotations

from analytics.transforms import Step
from ui.i18n import translate
from ui.view_state import ExploreView


def describe_step(step: Step, lang: str) -> str:
    """One step as a phrase, e.g. "tổng hợp theo Quý (Bình quân)"."""
    kind, _, name = step.key.partition(".")
    if kind == "aggregate":
        return translate(
            "step.aggregate",
            lang,
            freq=translate(f"frequency.{step.params.get('to_freq', '')}", lang),
            how=translate(f"aggregation.{name}", lang),
        )
    label = translate(f"transform.{name}", lang)
    if "window" in step.params:
        return translate("step.window", lang, transform=label, window=step.params["window"])
    if "base_period" in step.params:
        return translate("step.rebase", lang, transform=label, base=step.params["base_period"])
    return label


def describe_steps(steps: dict[str, list[Step]], view: ExploreView, lang: str) -> str:
    """The steps of the first series (all share the view's), then the comparison if rebased."""
    first = next(iter(steps.values()), [])
    phrases = [describe_step(step, lang) for step in first]
    if view.compare == "rebased" and len(view.codes) > 1:
        phrases.append(translate("explore.compare.rebased", lang))
    return " → ".join(phrases) or translate("transform.level", lang)
