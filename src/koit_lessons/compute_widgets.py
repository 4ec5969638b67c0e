"""An interactive training-run calculator, built on :mod:`koit_lessons.compute`.

Like the explorers in :mod:`koit_lessons.widgets`, the calculator is a class whose
``.widget`` is shown in the notebook and whose ``update()`` does the work of one
control change, so it can be tested without a browser. Run non-interactively, it
shows its default state.
"""

from __future__ import annotations

import ipywidgets as w
from IPython.display import display

from koit_lessons import compute

__all__ = ["TrainingRunCalculator", "training_run_calculator"]


def _si(x: float) -> str:
    """A number in scientific notation for the page, e.g. 3.8 × 10^25."""
    mantissa, exponent = f"{x:.2e}".split("e")
    return f"{float(mantissa):.2f} × 10<sup>{int(exponent)}</sup>"


class TrainingRunCalculator:
    """Model size, tokens, chip, utilisation and chip count in; time, chip-hours and
    energy out, with the formula and the numbers put into it."""

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
        style = {"description_width": "150px"}
        layout = w.Layout(width="520px")
        self.parameters = w.FloatLogSlider(
            value=parameters,
            base=10,
            min=6,
            max=13,
            step=0.01,
            description="Parameters",
            readout_format=".3g",
            style=style,
            layout=layout,
        )
        self.tokens = w.FloatLogSlider(
            value=tokens,
            base=10,
            min=8,
            max=14,
            step=0.01,
            description="Training tokens",
            readout_format=".3g",
            style=style,
            layout=layout,
        )
        self.chip = w.Dropdown(
            options=compute.accelerator_names(),
            value=run["chip"],
            description="Chip",
            style=style,
            layout=layout,
        )
        self.utilisation = w.FloatSlider(
            value=utilisation,
            min=0.05,
            max=1.0,
            step=0.05,
            description="Utilisation",
            readout_format=".0%",
            style=style,
            layout=layout,
        )
        self.chips = w.IntText(value=chips, description="Number of chips", style=style)
        self.result = w.HTML()
        self.widget = w.VBox(
            [self.parameters, self.tokens, self.chip, self.utilisation, self.chips, self.result]
        )
        for control in (self.parameters, self.tokens, self.chip, self.utilisation, self.chips):
            control.observe(self.update, names="value")
        self.update()

    def run(self) -> compute.TrainingRun:
        """The numbers for the current settings (see :func:`compute.training_run`)."""
        return compute.training_run(
            self.parameters.value,
            self.tokens.value,
            self.chip.value,
            self.utilisation.value,
            max(1, int(self.chips.value)),
        )

    def result_html(self) -> str:
        """The formula, the numbers put into it and the results, as HTML."""
        r = self.run()
        tflops = r["peak_flops"] / 1e12
        lines = [
            "<b>Compute:</b> 6 × parameters × tokens = 6 × "
            f"{_si(self.parameters.value)} × {_si(self.tokens.value)} = "
            f"<b>{_si(r['flop'])} FLOP</b>",
            f"<b>Chip-hours:</b> FLOP ÷ (peak {tflops:,.0f} TFLOP/s × utilisation "
            f"{r['utilisation']:.0%}) ÷ 3,600 = <b>{r['chip_hours']:,.0f} chip-hours</b>",
            f"<b>Time:</b> chip-hours ÷ {r['chips']:,} chips ÷ 24 = "
            f"<b>{r['days']:,.1f} days</b> ({r['days'] / 365.25:,.2f} years)",
        ]
        if r["energy_mwh"] is None:
            lines.append(
                "<b>Energy:</b> the data set has no vendor power figure for this chip, "
                "so no energy is computed."
            )
        else:
            lines.append(
                f"<b>Energy (chips only):</b> {r['power_w']:,.0f} W × {r['chips']:,} chips × "
                f"{r['days'] * 24:,.0f} h = <b>{r['energy_mwh']:,.0f} MWh</b> "
                f"({r['energy_mwh'] / 1e3:,.1f} GWh); servers and cooling come on top"
            )
        return "<br>".join(lines)

    def update(self, change: object = None) -> None:
        """Recompute after a control changed."""
        self.result.value = self.result_html()


def training_run_calculator(**kwargs: object) -> None:
    """Show the training-run calculator (keywords as for :class:`TrainingRunCalculator`)."""
    display(TrainingRunCalculator(**kwargs).widget)
