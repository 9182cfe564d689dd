from showguide.cli import run

run()
