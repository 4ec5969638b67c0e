"""The training-run calculator of lesson 01, built on :mod:`koit_lessons.compute`.

Model size, tokens, chip, utilisation and chip count in; time, chip-hours and energy
out, with the formula and the numbers put into it. It has no figure: the summary is
the result.
"""

from __future__ import annotations

import ipywidgets as w
from IPython.display import display

from koit_lessons import compute
from koit_lessons.language import number, tr
from koit_lessons.widgets.base import Explorer

__all__ = ["TrainingRunCalculator", "training_run_calculator"]


def _si(x: float) -> str:
    """A number in scientific notation for the page, e.g. 3.8 × 10^25."""
    mantissa, exponent = f"{x:.2e}".split("e")
    return f"{number(float(mantissa), '.2f')} × 10<sup>{int(exponent)}</sup>"


def _log_slider(value: float, low: int, high: int, description: str, **look) -> w.FloatLogSlider:
    """A slider over powers of ten, from 10**low to 10**high."""
    return w.FloatLogSlider(
        value=value,
        base=10,
        min=low,
        max=high,
        step=0.01,
        description=description,
        readout_format=".3g",
        **look,
    )


class TrainingRunCalculator(Explorer):
    """Model size, tokens, chip, utilisation and chip count in; time, chip-hours and
    energy out, with the formula and the numbers put into it.

    Parameters
    ----------
    parameters, tokens, chip, utilisation, chips
        The starting values, as for :func:`koit_lessons.compute.training_run`.

    Attributes
    ----------
    result : ipywidgets.HTML
        The formula and the results (the explorer's summary).

    Examples
    --------
    >>> calc = TrainingRunCalculator()
    >>> calc.chips.value = 16384
    >>> round(calc.run()["days"], 1)
    243.4
    """

    def __init__(
        self,
        parameters: float = 405e9,
        tokens: float = 15.6e12,
        chip: str = "Google TPU v4",
        utilisation: float = 0.4,
        chips: int = 8192,
    ) -> None:
        # validates every start value with a friendly message
        run = compute.training_run(parameters, tokens, chip, utilisation, chips)
        look = {"style": {"description_width": "150px"}, "layout": w.Layout(width="520px")}
        self.parameters = _log_slider(parameters, 6, 13, tr("Parameters"), **look)
        self.tokens = _log_slider(tokens, 8, 14, tr("Training tokens"), **look)
        self.chip = w.Dropdown(
            options=compute.accelerator_names(), value=run["chip"], description=tr("Chip"), **look
        )
        self.utilisation = w.FloatSlider(
            value=run["utilisation"],
            min=0.05,
            max=1.0,
            step=0.05,
            description=tr("Utilisation"),
            readout_format=".0%",
            **look,
        )
        self.chips = w.IntText(
            value=run["chips"], description=tr("Number of chips"), style=look["style"]
        )
        controls = [self.parameters, self.tokens, self.chip, self.utilisation, self.chips]
        self._assemble(controls, watch=controls, figure=False)

    @property
    def result(self) -> w.HTML:
        """The formula and the results, as shown (the explorer's summary)."""
        return self.summary

    def run(self) -> compute.TrainingRun:
        """The numbers for the current settings (see :func:`compute.training_run`)."""
        return compute.training_run(
            self.parameters.value,
            self.tokens.value,
            self.chip.value,
            self.utilisation.value,
            max(1, int(self.chips.value)),
        )

    def summary_text(self) -> str:
        """The formula, the numbers put into it and the results, as HTML."""
        r = self.run()
        tflops = r["peak_flops"] / 1e12
        lines = [
            tr(
                "<b>Compute:</b> 6 × parameters × tokens = 6 × {parameters} × {tokens} = "
                "<b>{flop} FLOP</b>",
                parameters=_si(self.parameters.value),
                tokens=_si(self.tokens.value),
                flop=_si(r["flop"]),
            ),
            tr(
                "<b>Chip-hours:</b> FLOP ÷ (peak {tflops} TFLOP/s × utilisation "
                "{utilisation}%) ÷ 3,600 = <b>{chip_hours} chip-hours</b>",
                tflops=number(tflops),
                utilisation=number(r["utilisation"] * 100),
                chip_hours=number(r["chip_hours"]),
            ),
            tr(
                "<b>Time:</b> chip-hours ÷ {chips} chips ÷ 24 = <b>{days} days</b> ({years} years)",
                chips=number(r["chips"]),
                days=number(r["days"], ",.1f"),
                years=number(r["days"] / 365.25, ",.2f"),
            ),
        ]
        if r["energy_mwh"] is None:
            lines.append(
                tr(
                    "<b>Energy:</b> the data set has no vendor power figure for this chip, "
                    "so no energy is computed."
                )
            )
        else:
            lines.append(
                tr(
                    "<b>Energy (chips only):</b> {watts} W × {chips} chips × {hours} h = "
                    "<b>{mwh} MWh</b> ({gwh} GWh); servers and cooling come on top",
                    watts=number(r["power_w"]),
                    chips=number(r["chips"]),
                    hours=number(r["days"] * 24),
                    mwh=number(r["energy_mwh"]),
                    gwh=number(r["energy_mwh"] / 1e3, ",.1f"),
                )
            )
        return "<br>".join(lines)


def training_run_calculator(**kwargs: object) -> None:
    """Show the training-run calculator.

    Parameters
    ----------
    **kwargs
        Starting values, as for :class:`TrainingRunCalculator`.

    Examples
    --------
    >>> training_run_calculator(chips=16384)
    """
    display(TrainingRunCalculator(**kwargs).widget)
