# Convenience targets; each is a script in scripts/ that also works without make.
.PHONY: run test eval bench screenshots package-linux windows deps

run:            ## build and start the app (sample library on first start)
	bash scripts/run.sh

test:           ## gofmt, go vet, go test -race ./...
	bash scripts/test.sh

deps:           ## install the Debian packages the build needs
	bash scripts/deps.sh

eval:           ## alignment quality against ../shared/corpus/gold
	CGO_ENABLED=0 go test -count=1 -run TestGoldAlignment -v ./compare/ | grep -E 'gold|PASS|FAIL|ok'

bench:          ## counterpart diff vs git diff, and the Go benchmarks
	bash scripts/bench.sh

screenshots:    ## screenshots of the real window under Xvfb, as a first-time user
	bash scripts/screenshots.sh

package-linux:  ## dist/Counterpart.tar.xz with binary, icon and .desktop file
	bash scripts/package-linux.sh

windows:        ## cross-build counterpart.exe (GUI, icon, version resource)
	bash scripts/windows.sh
