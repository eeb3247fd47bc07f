"""jupyter_kernel_test (Debian's python3-jupyter-kernel-test) against the JYNQ kernel, every
optional sample filled in. Prints one JSON line: {"tests": {name: "ok"|"fail: ..."|"skip: ..."}}.

Usage: /usr/bin/python3 kernel_conformance.py KERNEL_NAME
"""
import json
import os
import sys
import unittest

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
import jupyter_kernel_test  # noqa: E402


class JynqKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = sys.argv[1] if len(sys.argv) > 1 else "jynq"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'
    completion_samples = [{"text": "System.out.pri", "matches": ["print(", "printf(", "println("]}]
    complete_code_samples = ["1+1", "int c = 1;", "for (int i = 0; i < 2; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "String s = \"a\" +"]
    invalid_code_samples = ["int y = ;)"]
    # IPython's obj?: the description goes to the pager (an execute_reply payload, source "page")
    code_page_something = "String?"
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "java.util.List.of(1, 2)", "result": "[1, 2]"},
    ]
    code_display_data = [
        {"code": 'display(io.jynq.render.MimeBundle.html("<b>bold</b>", "bold"));', "mime": "text/html"},
        {"code": 'display("plain");', "mime": "text/plain"},
    ]
    code_history_pattern = "6?7"  # a glob as in IPython: matches the cell 6*7 only
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max("
    code_clear_output = "clearOutput();"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the suite waits 15 s per reply; the first cell also waits for JShell to start, which
        # on a loaded 2-core machine (or JDK 25's first compile) can take longer
        cls.kc.execute_interactive("1+1", timeout=300, output_hook=lambda m: None)


class Collect(unittest.TextTestResult):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.outcomes = {}

    def _name(self, test):
        return test.id().rsplit(".", 1)[-1]

    def addSuccess(self, test):
        super().addSuccess(test)
        self.outcomes.setdefault(self._name(test), "ok")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.outcomes[self._name(test)] = "fail: " + self._exc_info_to_string(err, test)[-1500:]

    def addError(self, test, err):
        super().addError(test, err)
        self.outcomes[self._name(test)] = "fail: " + self._exc_info_to_string(err, test)[-1500:]

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.outcomes[self._name(test)] = "skip: " + str(reason)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            name = self._name(test)
            kind = "skip" if issubclass(err[0], unittest.SkipTest) else "fail"
            if not self.outcomes.get(name, "").startswith("fail"):
                self.outcomes[name] = kind + ": " + subtest.id().rsplit(".", 1)[-1] + ": " \
                    + self._exc_info_to_string(err, test)[-1500:]


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(JynqKernelTests)
    runner = unittest.TextTestRunner(resultclass=Collect, verbosity=2, stream=sys.stderr)
    result = runner.run(suite)
    sys.stdout.write("\n" + json.dumps({"tests": result.outcomes}) + "\n")
    sys.stdout.flush()
    os._exit(0)
