"""`evbot eval`: retrieval quality measured on BEIR-format benchmarks and the project's questions.

datasets.py reads the sets, runner.py indexes a benchmark with the bot's own pipeline and runs
its queries, metrics.py scores the runs (ir-measures), report.py prints the result, and
commands.py adds the command to the CLI.
"""
