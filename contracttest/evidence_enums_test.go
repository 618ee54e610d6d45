package contracttest

import (
	"testing"

	"github.com/graphshape/graphshape/generated/beta"
	v1 "github.com/graphshape/graphshape/generated/v1"
)

// evidenceEnums are the enums the derived evidence types bring (generated
// from the CSDL, see internal/fromcsdl), the same in both versions.
var evidenceEnums = []string{"AiAgentPlatform", "AntispamTeamsDirection", "ContainerPortProtocol", "DefenderAvStatus", "DetectionStatus", "DeviceHealthStatus", "DeviceRiskScore", "FileHashAlgorithm", "GoogleCloudLocationType", "IoTDeviceImportanceType", "KubernetesPlatform", "KubernetesServiceType", "MailboxConfigurationType", "OnboardingStatus", "ProtocolType", "ServicePrincipalType", "TeamsDeliveryLocation", "TeamsMessageDeliveryAction", "VMCloudProvider"}

// checkEvidenceEnums runs checkEnum on each of evidenceEnums.
func checkEvidenceEnums(t *testing.T) {
	checkEnum(t, "v1.0/AiAgentPlatform", v1.AiAgentPlatformMembers())
	checkEnum(t, "v1.0/AntispamTeamsDirection", v1.AntispamTeamsDirectionMembers())
	checkEnum(t, "v1.0/ContainerPortProtocol", v1.ContainerPortProtocolMembers())
	checkEnum(t, "v1.0/DefenderAvStatus", v1.DefenderAvStatusMembers())
	checkEnum(t, "v1.0/DetectionStatus", v1.DetectionStatusMembers())
	checkEnum(t, "v1.0/DeviceHealthStatus", v1.DeviceHealthStatusMembers())
	checkEnum(t, "v1.0/DeviceRiskScore", v1.DeviceRiskScoreMembers())
	checkEnum(t, "v1.0/FileHashAlgorithm", v1.FileHashAlgorithmMembers())
	checkEnum(t, "v1.0/GoogleCloudLocationType", v1.GoogleCloudLocationTypeMembers())
	checkEnum(t, "v1.0/IoTDeviceImportanceType", v1.IoTDeviceImportanceTypeMembers())
	checkEnum(t, "v1.0/KubernetesPlatform", v1.KubernetesPlatformMembers())
	checkEnum(t, "v1.0/KubernetesServiceType", v1.KubernetesServiceTypeMembers())
	checkEnum(t, "v1.0/MailboxConfigurationType", v1.MailboxConfigurationTypeMembers())
	checkEnum(t, "v1.0/OnboardingStatus", v1.OnboardingStatusMembers())
	checkEnum(t, "v1.0/ProtocolType", v1.ProtocolTypeMembers())
	checkEnum(t, "v1.0/ServicePrincipalType", v1.ServicePrincipalTypeMembers())
	checkEnum(t, "v1.0/TeamsDeliveryLocation", v1.TeamsDeliveryLocationMembers())
	checkEnum(t, "v1.0/TeamsMessageDeliveryAction", v1.TeamsMessageDeliveryActionMembers())
	checkEnum(t, "v1.0/VMCloudProvider", v1.VMCloudProviderMembers())
	checkEnum(t, "beta/AiAgentPlatform", beta.AiAgentPlatformMembers())
	checkEnum(t, "beta/AntispamTeamsDirection", beta.AntispamTeamsDirectionMembers())
	checkEnum(t, "beta/ContainerPortProtocol", beta.ContainerPortProtocolMembers())
	checkEnum(t, "beta/DefenderAvStatus", beta.DefenderAvStatusMembers())
	checkEnum(t, "beta/DetectionStatus", beta.DetectionStatusMembers())
	checkEnum(t, "beta/DeviceHealthStatus", beta.DeviceHealthStatusMembers())
	checkEnum(t, "beta/DeviceRiskScore", beta.DeviceRiskScoreMembers())
	checkEnum(t, "beta/FileHashAlgorithm", beta.FileHashAlgorithmMembers())
	checkEnum(t, "beta/GoogleCloudLocationType", beta.GoogleCloudLocationTypeMembers())
	checkEnum(t, "beta/IoTDeviceImportanceType", beta.IoTDeviceImportanceTypeMembers())
	checkEnum(t, "beta/KubernetesPlatform", beta.KubernetesPlatformMembers())
	checkEnum(t, "beta/KubernetesServiceType", beta.KubernetesServiceTypeMembers())
	checkEnum(t, "beta/MailboxConfigurationType", beta.MailboxConfigurationTypeMembers())
	checkEnum(t, "beta/OnboardingStatus", beta.OnboardingStatusMembers())
	checkEnum(t, "beta/ProtocolType", beta.ProtocolTypeMembers())
	checkEnum(t, "beta/ServicePrincipalType", beta.ServicePrincipalTypeMembers())
	checkEnum(t, "beta/TeamsDeliveryLocation", beta.TeamsDeliveryLocationMembers())
	checkEnum(t, "beta/TeamsMessageDeliveryAction", beta.TeamsMessageDeliveryActionMembers())
	checkEnum(t, "beta/VMCloudProvider", beta.VMCloudProviderMembers())
}
