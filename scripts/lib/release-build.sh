# The release build every script makes (scripts/install, scripts/bench, scripts/test-install): the Swift runtime
# linked statically, into .build-release. The frontend flag gives concrete generic types direct metadata accessors in
# every package, not only lp-shell's own targets (Package.swift's `strict` does those): the first conformance check
# of a mangled-name lookup scans every conformance record of the static binary, and the dependencies' lookups were
# most of the embedded sandbox's start-up (BENCHMARKS.md, "Time to the first prompt").
# Every Swift function and every C function and datum gets a section of its own, so the linker's --gc-sections
# (SwiftPM's default) drops the ones nothing uses instead of keeping a whole file's code for one function: 3 MB off
# the installed binary, and `lp-shell -c true` touches 180 pages instead of 272 (BENCHMARKS.md, "Install size").
release_build=(swift build -c release --static-swift-stdlib --disable-local-rpath --product lp-shell
    --scratch-path .build-release -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
    -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xcc -fdata-sections)
