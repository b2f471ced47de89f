# unittest's failure output as CPython prints it: ndiffs of strings, lists,
# tuples and dicts, shortened reprs, maxDiff truncation, a failed
# assertRaisesRegex with its bare context, the result's repr.
import io, re, sys, unittest
class A(unittest.TestCase):
    @classmethod
    def setUpClass(cls): print("setUpClass")
    def test_a_list(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_b_dict(self):
        self.assertEqual({"a": 1}, {"a": 2})
    def test_c_str(self):
        self.assertEqual("hello", "help")
    def test_d_multiline(self):
        self.assertEqual("a\nb\nc", "a\nx\nc")
    def test_e_ok(self):
        self.assertTrue(True)
    def test_f_raises_msg(self):
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("good")
    def test_g_notequal(self):
        self.assertNotEqual(1, 1)
    def test_h_isinstance(self):
        self.assertIsInstance(1, str)
    def test_i_count(self):
        self.assertCountEqual([1, 2], [2, 2])
    def test_j_tuple(self):
        self.assertEqual((1, 2), (1, 3))
    def test_k_set(self):
        self.assertEqual({1, 2}, {2, 3})
    def test_l_fail(self):
        self.fail("explicit")
    def test_m_skip(self):
        self.skipTest("why")
    def test_n_long(self):
        self.assertEqual(list(range(30)), list(range(1, 31)))
class B(unittest.TestCase):
    def test_long_str(self):
        self.assertEqual("x" * 100 + "a" + "y" * 50, "x" * 100 + "b" + "y" * 50)
    def test_long_str2(self):
        self.assertEqual("abc" * 40, "abd" * 40)
    def test_long_list(self):
        self.assertEqual(list(range(200)), list(range(1, 201)))
    def test_nested_dict(self):
        self.assertEqual({"a": [1, 2, {"b": "c" * 30}], "d": list(range(20))}, {"a": [1, 2, {"b": "c" * 31}], "d": list(range(20))})
    def test_extra(self):
        self.assertEqual([1, 2, 3, 4], [1, 2])
    def test_extra2(self):
        self.assertListEqual([1], [1, 5, 6])
    def test_seq(self):
        self.assertSequenceEqual("abc", ["a", "b"])
    def test_msg(self):
        self.assertEqual([1], [2], "custom")
    def test_nolong(self):
        self.longMessage = False
        self.assertEqual({"a": 1}, {"a": 2}, "only this")
    def test_maxdiff_none(self):
        self.maxDiff = None
        self.assertEqual(list(range(100)), list(range(101)))
    def test_str_trailing(self):
        self.assertEqual("a\nb", "a\nb\n")
    def test_multi(self):
        self.assertMultiLineEqual("line one\nline two\n", "line one\nline 2\n")
    def test_not_str(self):
        self.assertMultiLineEqual(1, "a")
    def test_dict_type(self):
        self.assertDictEqual([], {})
    def test_tuple_vs_list(self):
        self.assertEqual((1, 2), [1, 2])
    def test_big_int(self):
        self.assertEqual(10**100, 10**100 + 1)
def run(case, verbosity):
    buf = io.StringIO()
    result = unittest.TextTestRunner(stream=buf, verbosity=verbosity).run(
        unittest.TestLoader().loadTestsFromTestCase(case))
    out = re.sub(r'Ran (\d+) tests? in [0-9.]+s', r'Ran \1 tests', buf.getvalue())
    print(re.sub(r'File "[^"]*/([^/"]+)"', r'File "\1"', out))
    return result
r = run(A, 2)
print(r, r.wasSuccessful(), len(r.failures), len(r.errors), len(r.skipped))
r = run(B, 1)
print(r, repr(unittest.TestSuite()), unittest.TestCase.__module__, unittest.TextTestRunner.__module__)
