import ShellBuiltins
import ShellRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The tutorials lp-shell knows: the bundled ones plus `$XDG_DATA_HOME/lp-shell/tutorials/*.tutorial`.
///
/// The file format is `Tutorial.parse`'s (see `Tutorial`): header keys `name`, `source`, `needs`, `summary`,
/// `refresh`; step keys `explain`, `run`, `frame`, `check`, and `socket` for pages with two sides: `socket: agent`
/// (or `consumer`, `%N`) sends the `frame:` lines after it to that background socket (`wscat … &` in an earlier
/// step) — the step runs `fg %agent` after its `run:`, which it may then omit — and a second `socket:` in a step
/// switches sockets between its frames (`/as consumer`).
package enum TutorialCatalog {
    /// The tutorial used when none was chosen (the seed tutorial).
    static let defaultName = "unauthenticated"
    /// The shell variable holding the chosen tutorial's name.
    static let variable = "LP_TUTORIAL"

    /// Every tutorial, sorted by name, with the files that failed to load.
    static func load(environment: [String: String]) -> (tutorials: [Tutorial], errors: [String]) {
        var files: [String] = []
        let dataHome = environment["XDG_DATA_HOME"] ?? environment["HOME"].map { $0 + "/.local/share" }
        if let dataHome {
            let directory = dataHome + "/lp-shell/tutorials"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            files += names.filter { $0.hasSuffix(".tutorial") }.sorted().map { directory + "/" + $0 }
        }
        var tutorials: [String: Tutorial] = [:]
        var errors: [String] = []
        // The bundled tutorials first: one of the user's with the same name replaces it.
        let texts =
            EmbeddedTutorials.files
            + files.compactMap { file in
                FileReading.readText(file).map { (String(file.split(separator: "/").last ?? ""), $0) }
            }
        for (name, text) in texts {
            do {
                let tutorial = try Tutorial.parse(text, file: name)
                tutorials[tutorial.name] = tutorial
            } catch {
                errors.append(error.description)
            }
        }
        return (tutorials.values.sorted { $0.name < $1.name }, errors)
    }

    /// Why no tutorial could be chosen.
    struct CatalogError: Error {
        var message: String
    }

    /// The tutorial chosen with `tutorial use` (default: the unauthenticated one).
    private static func current(_ context: CommandContext) -> Result<Tutorial, CatalogError> {
        let name = context.state.variables[variable] ?? defaultName
        let (tutorials, errors) = load(environment: context.environment)
        for error in errors { context.io.stderr.writeDiagnostic("\(context.name): warning: \(error)\n") }
        guard let tutorial = tutorials.first(where: { $0.answers(to: name) }) else {
            return .failure(
                CatalogError(message: unknown(name, among: tutorials) + "; choose one with `tutorial use NAME`"))
        }
        return .success(tutorial)
    }

    /// One line for a name no tutorial answers to: the names that contain it (or the other way round), else where
    /// the list is (there are a score of them).
    static func unknown(_ name: String, among tutorials: [Tutorial]) -> String {
        let lowered = name.lowercased()
        let close = tutorials.flatMap { [$0.name] + $0.aliases }.filter {
            !lowered.isEmpty && ($0.contains(lowered) || lowered.contains($0))
        }
        if !close.isEmpty {
            return "no tutorial named `\(name)`; did you mean " + close.map { "`\($0)`" }.joined(separator: " or ")
        }
        return "no tutorial named `\(name)` (`tutorial list` shows the \(tutorials.count))"
    }

    /// The chosen tutorial, or nil after saying on stderr why there is none.
    static func chosen(_ context: CommandContext) -> Tutorial? {
        switch current(context) {
        case .success(let tutorial): return tutorial
        case .failure(let failure):
            context.error(failure.message)
            return nil
        }
    }
}

extension TutorialCatalog {
    /// Every step of every tutorial, in tutorial order: what a class dashboard lists.
    package static func allSteps(environment: [String: String]) -> [(tutorial: String, number: Int, title: String)] {
        load(environment: environment).tutorials.flatMap { tutorial in
            tutorial.steps.map { (tutorial.name, $0.number, $0.title) }
        }
    }
}
