"""Execute the report notebooks quietly, one line of progress each.

The kernel talks to papermill over IPC (local sockets), so ipykernel does not warn
that TCP is unencrypted, and it is not interrupted while it shuts down (jupyter_client
sends SIGINT before every shutdown, which a kernel still flushing its last message
logs as "KeyboardInterrupt caught in kernel"). An interrupt asked for while a
notebook runs (a cell timeout) still reaches the kernel. The kernel process's own log
(its stderr) goes to a file beside its socket: a cell's output, warnings included,
reaches the notebook over IOPub, so that log holds only the kernel's internals, and
ipykernel 7.4 still logs a race of its own shutdown there ("Socket operation on
non-socket" from a flush after its IOPub pipe closed), as libzmq may assert on a
signaler closed under it. The file is removed when it holds nothing else; otherwise one
line on stderr says where it is.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from pathlib import Path

import papermill
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import default

KERNEL = "python3"
CELL_TIMEOUT = 1800
LOG = logging.getLogger("sitrep.kernel")
#: What a kernel's log holds when only its shutdown raced: ipykernel's traceback ending in ENOTSOCK
#: (with tornado's line), or libzmq's assertion on a signaler closed under it.
_SHUTDOWN_RACE = re.compile(
    r"(?:^ERROR:tornado[^\n]*\n)?^Traceback \(most recent call last\):\n(?:[ \t][^\n]*\n)*"
    r"zmq\.error\.ZMQError: Socket operation on non-socket$"
    r"|^Assertion failed: [^\n]*\(src/signaler\.cpp:\d+\)$",
    re.MULTILINE,
)


class QuietKernelManager(AsyncKernelManager):
    """A kernel manager on IPC transport that does not interrupt a kernel it shuts down."""

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # An absolute socket path: jupyter_client's default ("kernel-ipc" when no connection file
        # is named yet) is relative, so a kernel started in another folder would not be found.
        runtime = Path(jupyter_runtime_dir())
        runtime.mkdir(parents=True, exist_ok=True)
        return str(runtime / f"sitrep-kernel-{uuid.uuid4().hex}-ipc")

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()

    @property
    def kernel_log(self) -> Path:
        """The file the kernel process writes its stderr to."""
        return Path(f"{self.ip}.log")

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        with self.kernel_log.open("ab") as log:  # the child keeps its own copy of the handle
            await super()._async_launch_kernel(kernel_cmd, **kw, stderr=log)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not self.kernel_log.exists():
            return
        if only_shutdown_noise(self.kernel_log.read_text(errors="replace")):
            self.kernel_log.unlink()
        else:
            LOG.warning("the notebook kernel wrote to its log: %s", self.kernel_log)


def only_shutdown_noise(log: str) -> bool:
    """Whether a kernel's log is empty or holds only ipykernel's shutdown race.

    >>> only_shutdown_noise("")
    True
    >>> race = ("Traceback (most recent call last):\\n  File \\"x.py\\"\\n"
    ...         "zmq.error.ZMQError: Socket operation on non-socket\\n")
    >>> only_shutdown_noise("ERROR:tornado.general:Uncaught exception in ZMQStream callback\\n" + race)
    True
    >>> only_shutdown_noise(race + "Traceback (most recent call last):\\nMemoryError\\n")
    False
    """
    return not _SHUTDOWN_RACE.sub("", log).strip()


def describe_failure(name: str, error: Exception) -> str:
    """One line naming the notebook, the cell and the error.

    >>> describe_failure("01-x.ipynb", ZeroDivisionError("division by zero"))
    'notebook 01-x.ipynb failed: ZeroDivisionError: division by zero'
    """
    cell = getattr(error, "exec_count", None) or getattr(error, "cell_index", None)
    kind = getattr(error, "ename", type(error).__name__)
    value = getattr(error, "evalue", str(error))
    where = f" in cell {cell}" if cell is not None else ""
    return f"notebook {name} failed{where}: {kind}: {value}"


def execute_notebook(notebook: Path, executed: Path, parameters: dict) -> str:
    """Run ``notebook`` with papermill into ``executed``; the failure line, or "" when it ran."""
    try:
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            cwd=str(notebook.parent),
            execution_timeout=CELL_TIMEOUT,
            kernel_manager_class=QuietKernelManager,
        )
    except Exception as exc:  # report it, render what ran, go on with the others
        return describe_failure(notebook.name, exc)
    return ""


class Progress:
    """``notebook 2/4: 02-actors … done in 12 s (about 20 s left)`` lines on stdout."""

    def __init__(self, total: int, noun: str = "notebook") -> None:
        self.total, self.noun, self.done, self.spent = total, noun, 0, 0.0
        self._start = 0.0

    def start(self, name: str) -> None:
        """Print the item's name (the line is finished by :meth:`finish`)."""
        self._start = time.monotonic()
        print(f"{self.noun} {self.done + 1}/{self.total}: {name} …", end="", flush=True)

    def finish(self, failed: bool = False) -> None:
        """Finish the line: how long it took and, while items remain, an estimate of the rest."""
        took = time.monotonic() - self._start
        self.done += 1
        self.spent += took
        left = self.total - self.done
        estimate = f" (about {round(self.spent / self.done * left)} s left)" if left else ""
        print(f" {'failed' if failed else 'done'} in {took:.0f} s{estimate}", flush=True)
