import Foundation
import PackagePlugin

/// Compiles the target's `Tutorials/*.tutorial` files into the binary (`EmbeddedTutorials.files`), so an installed
/// lp-shell is one file: no resource bundle beside it to lose.
@main
struct EmbedTutorials: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Tutorials")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".tutorial") }.sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTutorials.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) tutorials in \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path(percentEncoded: false), "EmbeddedTutorials"]
                    + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs, outputFiles: [output])
        ]
    }
}
