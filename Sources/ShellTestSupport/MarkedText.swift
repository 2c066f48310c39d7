/// Source text with position markers, in swift-format's test style: keycap emoji (`0️⃣` … `9️⃣`) inside a
/// string mark positions and are removed from the text.
///
/// ```swift
/// let marked = MarkedText("echo \"abc1️⃣")
/// marked.text          // echo "abc
/// marked.offsets["1️⃣"] // 9 (a UTF-8 offset into `text`)
/// ```
public struct MarkedText: Sendable, Hashable {
    /// The text without markers.
    public var text: String
    /// Each marker's UTF-8 offset into `text`.
    public var offsets: [String: Int]

    /// Splits `marked` into the clean text and the marker offsets.
    ///
    /// A marker used twice keeps its first position; `duplicateMarkers` lists such markers so a test can fail.
    public init(_ marked: String) {
        var text = ""
        var offsets: [String: Int] = [:]
        var duplicates: [String] = []
        var utf8Offset = 0
        for character in marked {
            if MarkedText.isMarker(character) {
                let key = String(character)
                if offsets[key] == nil {
                    offsets[key] = utf8Offset
                } else {
                    duplicates.append(key)
                }
                continue
            }
            text.append(character)
            utf8Offset += character.utf8.count
        }
        self.text = text
        self.offsets = offsets
        self.duplicateMarkers = duplicates
    }

    /// Markers that appeared more than once.
    public var duplicateMarkers: [String]

    /// The offset of `marker`, or nil if the text has no such marker.
    public subscript(marker: String) -> Int? { offsets[marker] }

    /// True for a keycap digit: a digit, U+FE0F and U+20E3.
    public static func isMarker(_ character: Character) -> Bool {
        let scalars = Array(character.unicodeScalars)
        guard scalars.count == 3, scalars[1] == "\u{FE0F}", scalars[2] == "\u{20E3}" else { return false }
        return ("0"..."9").contains(scalars[0])
    }
}
