"""The sliced kernel channels used wherever koit-lessons runs notebooks with nbclient."""

import asyncio
import time
from queue import Empty

import nbformat
import pytest
from jupyter_client.channels import AsyncZMQSocketChannel
from nbclient import NotebookClient

from koit_lessons import _kernel


def _fake_parent(monkeypatch, misses: int):
    """The parent's get_msg misses the first ``misses`` wake-ups (each one costs the
    whole timeout it was given, as a missed wake-up does), then finds the message."""
    calls = []

    async def get_msg(self, timeout=None):
        calls.append(timeout)
        if len(calls) <= misses:
            await asyncio.sleep(0 if timeout is None else timeout)
            raise Empty
        return {"msg_type": "execute_reply"}

    monkeypatch.setattr(AsyncZMQSocketChannel, "get_msg", get_msg)
    return calls


def _channel():
    return _kernel.SlicedChannel.__new__(_kernel.SlicedChannel)


def test_a_missed_wake_up_costs_one_slice_not_the_whole_timeout(monkeypatch):
    calls = _fake_parent(monkeypatch, misses=2)
    start = time.monotonic()
    msg = asyncio.run(_channel().get_msg(timeout=3))
    assert msg["msg_type"] == "execute_reply"
    assert len(calls) == 3 and all(t <= _kernel.SLICE for t in calls)
    assert time.monotonic() - start < 10 * _kernel.SLICE


def test_waiting_without_a_timeout_also_goes_in_slices(monkeypatch):
    calls = _fake_parent(monkeypatch, misses=1)
    assert asyncio.run(_channel().get_msg())["msg_type"] == "execute_reply"
    assert calls == [_kernel.SLICE, _kernel.SLICE]


def test_the_timeout_still_holds(monkeypatch):
    _fake_parent(monkeypatch, misses=10**6)
    start = time.monotonic()
    with pytest.raises(Empty):
        asyncio.run(_channel().get_msg(timeout=0.5))
    assert 0.45 <= time.monotonic() - start < 0.5 + 2 * _kernel.SLICE


def test_nbclient_uses_the_sliced_channels_and_runs_a_notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("6 * 7")]
    client = NotebookClient(
        nb, timeout=60, kernel_name="python3", kernel_manager_class=_kernel.KernelManager
    )
    with client.setup_kernel():
        assert isinstance(client.kc.shell_channel, _kernel.SlicedChannel)
        assert isinstance(client.kc.iopub_channel, _kernel.SlicedChannel)
    client.execute()
    assert nb.cells[0].outputs[0]["data"]["text/plain"] == "42"
