-- expect: ok
-- why: to_regclass of the hidden table answers NULL from the emulation
SELECT to_regclass('hidden.secrets')
