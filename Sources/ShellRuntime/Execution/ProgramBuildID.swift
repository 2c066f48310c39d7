import CShellSupport

/// The running program's GNU build-id note (`ld --build-id`), empty when it has none.
package enum ProgramBuildID {
    package static var bytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = Int(cshell_build_id(&bytes, Int32(bytes.count)))
        return Array(bytes.prefix(min(count, bytes.count)))
    }
}
