-- expect: 0A000
-- why: switch to a multibyte client encoding whose bytes can hide quotes
SET client_encoding = 'SJIS'
