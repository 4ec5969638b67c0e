"""A kernel manager for running notebooks with nbclient that never waits for a
message that has already arrived.

With ipykernel 7, jupyter_client 8 and pyzmq 27 we saw nbclient sit idle for its whole
cell timeout (300 or 600 s) after a widget cell, with the kernel idle and the cell's
``execute_reply`` already waiting in the client's shell socket: the asyncio poll on that
socket missed its wake-up (ZeroMQ signals new messages on an edge-triggered file
descriptor) and returned the message only when its timeout ran out. The run then went on
and its outputs were right; it only lost the time.

The trigger was found later (docs/research/runner-stall.md): an ipywidgets ``Output``
that captures (``with output:``) makes nbclient send a ``comm_msg`` on the shell socket
while it waits there for the reply; none of the releases tried (pyzmq 25-27, ipykernel 6
and 7, jupyter_client 8.6 and 8.10, nbclient 0.10 and 0.11) avoids the lost wake-up.
The lessons' explorers no longer capture, so the standard runners (nbconvert, papermill,
nbgrader) no longer stall on them; these channels stay, for notebooks that still capture
(a student's or teacher's own ``interact``).

The channels below wait in slices of at most a fifth of a second, and look at the socket
again after each slice, so a missed wake-up costs at most a fifth of a second. Used by
``koit-lessons grade``, ``scripts/execute_notebooks.py``, the benchmark and the tests
that run notebooks::

    NotebookClient(nb, kernel_manager_class=KernelManager, ...)
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.manager import AsyncKernelManager
from traitlets import Type

#: the longest a channel waits before it looks at its socket again (seconds)
SLICE = 0.2


class SlicedChannel(AsyncZMQSocketChannel):
    """A channel whose ``get_msg`` waits in slices of at most :data:`SLICE` seconds."""

    async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = SLICE if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return await super().get_msg(timeout=min(SLICE, left))
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise


class KernelClient(AsyncKernelClient):
    shell_channel_class = Type(SlicedChannel)
    iopub_channel_class = Type(SlicedChannel)
    control_channel_class = Type(SlicedChannel)
    stdin_channel_class = Type(SlicedChannel)


class KernelManager(AsyncKernelManager):
    """``AsyncKernelManager`` whose clients use :class:`SlicedChannel`."""

    client_factory = Type(KernelClient, klass=AsyncKernelClient)
