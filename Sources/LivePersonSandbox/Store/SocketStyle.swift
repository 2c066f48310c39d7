import LivePersonAPI

/// Which dialect of the messaging protocol a socket speaks, chosen by its path and `v=` query: notification names
/// and the shape of conversations differ between the consumer socket and the brand socket's versions.
enum SocketStyle: Sendable, Equatable {
    /// The consumer socket (`…/messaging/consumer?v=3`).
    case consumer
    /// The brand socket at `v=2`, as the agent tutorial uses it: `cqm.ExConversationChangeNotification`,
    /// `ms.OnlineEventDistribution`.
    case brandV2
    /// The brand socket at `v=2.1` and later, node-agent-sdk's default: `.ams.aam.ExConversationChangeNotification`,
    /// `.ams.ms.OnlineEventDistribution`.
    case brandV21

    /// The brand socket's style for the `v=` query value (absent or unreadable: 2, the documented default).
    static func brand(version: String?) -> SocketStyle {
        guard let version, let number = Double(version), number >= 2.1 else { return .brandV2 }
        return .brandV21
    }

    var isBrand: Bool { self != .consumer }

    var exConversationNotificationType: String {
        self == .brandV21 ? UMSType.brandExConversationChangeNotification : UMSType.exConversationChangeNotification
    }

    var onlineEventDistributionType: String {
        self == .brandV21 ? UMSType.brandOnlineEventDistribution : UMSType.onlineEventDistribution
    }
}
