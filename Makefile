# Thin wrapper over the scripts; the scripts are the interface (README, CI).
.PHONY: setup demo test e2e budgets scan-bench

setup:
	bash scripts/setup.sh

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

# Against a running server: make e2e TXNG_BASE=http://127.0.0.1:8080 TXNG_DEMO=demo-data
e2e:
	node --test --test-reporter=spec --test-concurrency=1 tests/e2e/

budgets:
	node scripts/budgets.mjs

scan-bench:
	node scripts/scan-bench/run.mjs
