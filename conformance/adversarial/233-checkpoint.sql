-- expect: 42601
-- why: force a checkpoint
CHECKPOINT
