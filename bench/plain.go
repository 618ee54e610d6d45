package bench

// The plain structs a hand-written encoding/json or goccy/go-json user would
// declare for the same documents: pointers for nullable members, no
// validation. They hold every member the workloads send.

type plainList struct {
	ODataContext  string          `json:"@odata.context"`
	ODataNextLink string          `json:"@odata.nextLink"`
	Value         []plainIncident `json:"value"`
}

type plainIncident struct {
	ODataContext       string         `json:"@odata.context"`
	ODataType          string         `json:"@odata.type"`
	ID                 string         `json:"id"`
	Alerts             []plainAlert   `json:"alerts"`
	AssignedTo         *string        `json:"assignedTo"`
	Classification     *string        `json:"classification"`
	Comments           []plainComment `json:"comments"`
	CreatedDateTime    string         `json:"createdDateTime"`
	CustomTags         []string       `json:"customTags"`
	Description        *string        `json:"description"`
	Determination      *string        `json:"determination"`
	DisplayName        *string        `json:"displayName"`
	IncidentWebURL     *string        `json:"incidentWebUrl"`
	LastModifiedBy     *string        `json:"lastModifiedBy"`
	LastUpdateDateTime string         `json:"lastUpdateDateTime"`
	PriorityScore      *int32         `json:"priorityScore"`
	RedirectIncidentID *string        `json:"redirectIncidentId"`
	ResolvingComment   *string        `json:"resolvingComment"`
	Severity           string         `json:"severity"`
	Status             string         `json:"status"`
	Summary            *string        `json:"summary"`
	SystemTags         []string       `json:"systemTags"`
	TenantID           *string        `json:"tenantId"`
}

type plainComment struct {
	Comment              *string `json:"comment"`
	CreatedByDisplayName *string `json:"createdByDisplayName"`
	CreatedDateTime      *string `json:"createdDateTime"`
}

type plainAlert struct {
	ODataType             string            `json:"@odata.type"`
	ID                    string            `json:"id"`
	ActorDisplayName      *string           `json:"actorDisplayName"`
	AdditionalData        map[string]any    `json:"additionalData"`
	AlertPolicyID         *string           `json:"alertPolicyId"`
	AlertWebURL           *string           `json:"alertWebUrl"`
	AssignedTo            *string           `json:"assignedTo"`
	Categories            []string          `json:"categories"`
	Category              *string           `json:"category"`
	Classification        *string           `json:"classification"`
	Comments              []plainComment    `json:"comments"`
	CreatedDateTime       *string           `json:"createdDateTime"`
	CustomDetails         map[string]string `json:"customDetails"`
	Description           *string           `json:"description"`
	DetectionSource       *string           `json:"detectionSource"`
	DetectorID            *string           `json:"detectorId"`
	Determination         *string           `json:"determination"`
	Evidence              []plainEvidence   `json:"evidence"`
	FirstActivityDateTime *string           `json:"firstActivityDateTime"`
	IncidentID            *string           `json:"incidentId"`
	IncidentWebURL        *string           `json:"incidentWebUrl"`
	InvestigationState    *string           `json:"investigationState"`
	LastActivityDateTime  *string           `json:"lastActivityDateTime"`
	LastUpdateDateTime    *string           `json:"lastUpdateDateTime"`
	MitreTechniques       []string          `json:"mitreTechniques"`
	ProductName           *string           `json:"productName"`
	ProviderAlertID       *string           `json:"providerAlertId"`
	RecommendedActions    *string           `json:"recommendedActions"`
	ResolvedDateTime      *string           `json:"resolvedDateTime"`
	ServiceSource         *string           `json:"serviceSource"`
	Severity              *string           `json:"severity"`
	Status                *string           `json:"status"`
	SystemTags            []string          `json:"systemTags"`
	TenantID              *string           `json:"tenantId"`
	ThreatDisplayName     *string           `json:"threatDisplayName"`
	ThreatFamilyName      *string           `json:"threatFamilyName"`
	Title                 *string           `json:"title"`
}

// plainEvidence holds the members of every evidence type the workloads send.
type plainEvidence struct {
	ODataType                string            `json:"@odata.type"`
	CreatedDateTime          *string           `json:"createdDateTime"`
	DetailedRoles            []string          `json:"detailedRoles"`
	RemediationStatus        *string           `json:"remediationStatus"`
	RemediationStatusDetails *string           `json:"remediationStatusDetails"`
	Roles                    []string          `json:"roles"`
	Tags                     []string          `json:"tags"`
	Verdict                  *string           `json:"verdict"`
	DeviceDNSName            *string           `json:"deviceDnsName"`
	MdeDeviceID              *string           `json:"mdeDeviceId"`
	OSPlatform               *string           `json:"osPlatform"`
	RiskScore                *string           `json:"riskScore"`
	UserAccount              *plainUserAccount `json:"userAccount"`
	DetectionStatus          *string           `json:"detectionStatus"`
	FileDetails              *plainFileDetails `json:"fileDetails"`
	IPAddress                *string           `json:"ipAddress"`
	CountryLetterCode        *string           `json:"countryLetterCode"`
}

type plainUserAccount struct {
	AccountName       *string `json:"accountName"`
	AzureAdUserID     *string `json:"azureAdUserId"`
	DisplayName       *string `json:"displayName"`
	DomainName        *string `json:"domainName"`
	UserPrincipalName *string `json:"userPrincipalName"`
	UserSid           *string `json:"userSid"`
}

type plainFileDetails struct {
	FileName *string `json:"fileName"`
	FilePath *string `json:"filePath"`
	FileSize *int64  `json:"fileSize"`
	Sha256   *string `json:"sha256"`
}
