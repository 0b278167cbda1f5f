import unittest

from acme_app import is_finished, offer
from acme_proto.messages import PayloadValidationError


class SchedulerTest(unittest.TestCase):
    def test_offer(self) -> None:
        self.assertEqual(offer("j1", 2), ("acme.job_offered", {"job_id": "j1", "attempt": 2}))
        self.assertEqual(offer("j1"), ("acme.job_offered", {"job_id": "j1"}))

    def test_status(self) -> None:
        self.assertTrue(is_finished({"job_id": "j1", "state": "done"}))
        self.assertFalse(is_finished({"job_id": "j1", "state": "running"}))

    def test_invalid_status(self) -> None:
        with self.assertRaises(PayloadValidationError) as caught:
            is_finished({"job_id": "j1", "state": "lost"})
        self.assertIn("state", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
