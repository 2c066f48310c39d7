/// `POST /api/account/{a}/login?v=1.3` body (user or application login, spec §4.1).
public struct AgentLoginRequest: Codable, Hashable, Sendable {
    public var username: String?
    public var password: String?
    public var appKey: String?
    public var secret: String?
    public var accessToken: String?
    public var accessTokenSecret: String?

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// `config` of the login answer.
public struct AgentLoginConfig: Codable, Hashable, Sendable {
    public var loginName: String
    public var userId: String
    public var userPid: String
    public var userPrivileges: [Int]
    public var serverCurrentTime: Int64
    public var timeDiff: Int64
    public var serverTimeZoneName: String
    public var serverTimeGMTDiff: Int64
    public var isLPA: Bool
    public var isAdmin: Bool
    public var accountTimeZoneId: String

    public init(loginName: String, userId: String, userPid: String, serverCurrentTime: Int64) {
        self.loginName = loginName
        self.userId = userId
        self.userPid = userPid
        self.userPrivileges = [100, 101, 1730]
        self.serverCurrentTime = serverCurrentTime
        self.timeDiff = 0
        self.serverTimeZoneName = "UTC"
        self.serverTimeGMTDiff = 0
        self.isLPA = false
        self.isAdmin = true
        self.accountTimeZoneId = "UTC"
    }
}

/// The login answer (spec §4.1); `bearer` opens the brand socket.
public struct AgentLoginResponse: Codable, Hashable, Sendable {
    public var csrf: String
    public var wsuk: String
    public var config: AgentLoginConfig
    public var csdsCollectionResponse: ServiceBaseURIList
    public var sessionTTl: String
    public var bearer: String

    public init(
        csrf: String, wsuk: String, config: AgentLoginConfig, csdsCollectionResponse: ServiceBaseURIList,
        sessionTTl: String, bearer: String
    ) {
        self.csrf = csrf
        self.wsuk = wsuk
        self.config = config
        self.csdsCollectionResponse = csdsCollectionResponse
        self.sessionTTl = sessionTTl
        self.bearer = bearer
    }
}

/// `POST /api/account/{a}/refresh` body.
public struct AgentRefreshRequest: Codable, Hashable, Sendable {
    public var csrf: String

    public init(csrf: String) {
        self.csrf = csrf
    }
}

/// The documented agentVep error body (spec §4.1): `{"error": {"time", "message", "internalCode", "responseStatus"}}`.
public struct AgentVepErrorBody: Codable, Hashable, Sendable {
    public struct Detail: Codable, Hashable, Sendable {
        public var time: String
        public var message: String
        public var internalCode: Int
        public var responseStatus: String
    }

    public var error: Detail

    public init(time: String, message: String, internalCode: Int, responseStatus: String) {
        self.error = Detail(time: time, message: message, internalCode: internalCode, responseStatus: responseStatus)
    }
}
