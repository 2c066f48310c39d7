/// The CSDS service names the tutorials resolve (spec §1.4), case-sensitive as LivePerson spells them.
public enum ServiceName: String, CaseIterable, Codable, Sendable {
    case asyncMessagingEnt
    case asyncMessaging
    case idp
    case agentVep
    case accountConfigReadOnly
    case accountConfigReadWrite
    case acCdnDomain
    case swift
    case msgHist
    case sentinel
    case leDataReporting
    case liveEngageUI
    /// The brand (agent) WebSocket host LivePerson's agent SDKs dial by default (`wsDomainType` `facadeMsg`).
    case facadeMsg

    /// The environment variable lp-shell exports for this service: `LP_` plus the name upper-cased
    /// (`asyncMessagingEnt` → `LP_ASYNCMESSAGINGENT`).
    public var environmentVariable: String { "LP_" + rawValue.uppercased() }
}
