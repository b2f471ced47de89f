import io
import re
import sys
import unittest


def clean(text):
    text = re.sub(r'File "[^"]*?([^/"]+)"', r'File "\1"', text)
    return re.sub(r'in \d+\.\d+s', 'in X.XXXs', text)


class Arith(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append('setUpClass')

    @classmethod
    def tearDownClass(cls):
        cls.log.append('tearDownClass')

    def setUp(self):
        self.value = 10
        self.addCleanup(self.log.append, 'cleanup')

    def tearDown(self):
        self.log.append('tearDown')

    def test_add(self):
        """Addition works."""
        self.assertEqual(self.value + 5, 15)
        self.assertNotEqual(1, 2)
        self.assertTrue([1])
        self.assertFalse(0)
        self.assertIs(None, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsInstance(1, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertGreater(2, 1)
        self.assertLessEqual(1, 1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex('hello world', r'wor')
        self.assertListEqual([1], [1])
        self.assertDictEqual({'a': 1}, {'a': 1})

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(type(cm.exception).__name__, 'ZeroDivisionError')
        self.assertRaises(ValueError, int, 'x')
        with self.assertRaisesRegex(ValueError, 'invalid literal'):
            int('y')

    def test_fail_equal(self):
        self.assertEqual(1 + 1, 3)

    def test_fail_msg(self):
        self.assertTrue(False, 'custom message')

    def test_error(self):
        raise KeyError('oops')

    @unittest.skip('not today')
    def test_skipped(self):
        pass

    @unittest.skipIf(True, 'condition')
    def test_skipif(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_skip_inside(self):
        self.skipTest('inside')


class Messages(unittest.TestCase):
    def test_messages(self):
        checks = [
            lambda: self.assertNotEqual(1, 1),
            lambda: self.assertTrue(0), lambda: self.assertFalse('x'), lambda: self.assertIs(1, None),
            lambda: self.assertIsNone(5), lambda: self.assertIn(5, [1]), lambda: self.assertNotIn(1, [1]),
            lambda: self.assertIsInstance('s', int), lambda: self.assertAlmostEqual(1.0, 1.1),
            lambda: self.assertAlmostEqual(1.0, 2.0, delta=0.5), lambda: self.assertGreater(1, 2),
            lambda: self.assertLess(2, 1), lambda: self.assertGreaterEqual(1, 2), lambda: self.assertRaises(KeyError, lambda: None),
            lambda: self.assertRegex('abc', 'z'), lambda: self.assertEqual({1, 2}, {2, 3}), lambda: self.assertEqual(1, 2, 'extra'),
            lambda: self.assertIsNotNone(None), lambda: self.assertCountEqual([1, 1, 2], [1, 2, 2]),
            lambda: self.fail('explicit'),
        ]
        for check in checks:
            try:
                check()
            except AssertionError as e:
                print(str(e).replace('\n', '|'))


buf = io.StringIO()
suite = unittest.TestLoader().loadTestsFromTestCase(Arith)
print(suite.countTestCases(), [t._testMethodName for t in suite])
result = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
print(clean(buf.getvalue()))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures), result.wasSuccessful())
print(Arith.log[:4], Arith.log[-1], Arith.log.count('cleanup'))
buf = io.StringIO()
unittest.TextTestRunner(stream=buf).run(unittest.TestLoader().loadTestsFromTestCase(Arith))
print(clean(buf.getvalue()))
unittest.TextTestRunner(stream=io.StringIO()).run(unittest.TestSuite([Messages('test_messages')]))
print(str(Arith('test_add')), Arith('test_add').id(), Arith('test_add').shortDescription(), repr(Arith('test_add')))


class Passing(unittest.TestCase):
    def test_one(self):
        self.assertEqual(sum([1, 2]), 3)

    def test_two(self):
        self.assertTrue(True)


buf = io.StringIO()
prog = unittest.main(module=None if False else sys.modules[__name__], argv=['prog', 'Passing'], exit=False, testRunner=unittest.TextTestRunner(stream=buf))
print(clean(buf.getvalue()), prog.result.wasSuccessful())
try:
    unittest.main(argv=['prog', 'Passing.test_one'], testRunner=unittest.TextTestRunner(stream=io.StringIO()))
except SystemExit as e:
    print('exit', e.code)
