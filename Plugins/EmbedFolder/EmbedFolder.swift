import Foundation
import PackagePlugin

/// Compiles a folder of text files of the target into the binary, so an installed lp-shell is one file: no resource
/// bundle beside it to lose. Which folder, which files and the generated enum's name depend on the target (the
/// tutorials of LivePersonSession, `EmbeddedTutorials.files`; the class dashboard of LivePersonSandbox,
/// `EmbeddedDashboard.files`).
@main
struct EmbedFolder: BuildToolPlugin {
    /// What one target embeds.
    struct Folder {
        /// The folder, relative to the target's directory.
        var path: String
        /// The name endings of the files taken from it.
        var suffixes: [String]
        /// The enum the generated file declares.
        var enumName: String
    }

    static let folders: [String: Folder] = [
        "LivePersonSession": Folder(path: "Tutorials", suffixes: [".tutorial"], enumName: "EmbeddedTutorials"),
        "LivePersonSandbox": Folder(
            path: "Class/Dashboard", suffixes: [".html", ".css", ".js", ".svg", ".txt"],
            enumName: "EmbeddedDashboard"),
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let embedded = Self.folders[target.name] else {
            throw PluginError(description: "EmbedFolder: no folder to embed is set for target \(target.name)")
        }
        let folder = target.directoryURL.appending(path: embedded.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { name in embedded.suffixes.contains { name.hasSuffix($0) } }.sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: embedded.enumName + ".swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) files of \(embedded.path) in \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path(percentEncoded: false), embedded.enumName]
                    + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs, outputFiles: [output])
        ]
    }
}

/// A plugin failure with its one-line reason.
struct PluginError: Error, CustomStringConvertible {
    var description: String
}
