"""Run in every grading kernel as it starts (``IPKernelApp.exec_lines``), before any
student code: pick Matplotlib's Agg backend, which draws nothing until asked (grading
needs no pictures).

With Matplotlib 3.7 and IPython 9, pyplot's first switch of backend inside IPython ends
in an ImportError (it asks IPython for ``backend2gui``, which IPython 9 no longer has)
after the backend is in place; that error is caught here, once, instead of breaking the
student's first figure.
"""

import matplotlib.pyplot as plt

try:
    plt.switch_backend("agg")
except ImportError:
    pass
