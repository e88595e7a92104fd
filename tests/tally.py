"""A tally of named checks for the Python test scripts: `check(ok, what)` counts a pass or
prints 'FAIL NAME: what'; `check.report()` prints 'NAME: N passed, N failed' and returns the
exit status (1 when any failed)."""


class Tally:
    def __init__(self, name):
        self.name = name
        self.passed = self.failed = 0

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {self.name}: {what}")
        return ok

    def report(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
