/// The dashboard's files (HTML, CSS, JavaScript), compiled into the binary.
enum DashboardFiles {
    struct File {
        let bytes: [UInt8]
        let contentType: String
    }

    static func file(named name: String) -> File? {
        nil
    }
}
