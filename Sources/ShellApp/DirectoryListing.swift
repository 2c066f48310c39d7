#if canImport(Glibc)
    import Glibc
#endif

/// The names in a folder, for the start-up file checks and the CSDS cache's clean-up.
enum DirectoryListing {
    /// The entries of `directory` (without `.` and `..`), in the order the file system gives; empty when it cannot
    /// be read.
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
