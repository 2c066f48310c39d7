import ShellRuntime

/// Every line typed at the prompt goes through `SecretMasking.mask` before the history file sees it, so it must
/// never trap, and masking what is already masked must change nothing (a masked token or password stays one).
enum HistoryMaskFuzz {
    static func run(_ bytes: [UInt8]) -> String? {
        let line = String(decoding: bytes, as: UTF8.self)
        let masked = SecretMasking.mask(line)
        let again = SecretMasking.mask(masked)
        guard again == masked else {
            return "masking twice differs: \(masked.debugDescription) → \(again.debugDescription)"
        }
        return nil
    }
}
