"""Runs one of Microsoft's azure.identity credentials with its defaults and prints the token as JSON.

argv[1] names the credential; configuration comes from the environment only, as a deployed app's would.
Run by azid-conformance's PythonClientsConformanceTest against the emulator's transparent mode.
"""
import json
import os
import sys

ARM = "https://management.azure.com/.default"


def credential(kind):
    import azure.identity as identity
    env = os.environ
    if kind == "secret":
        return identity.ClientSecretCredential(env["AZID_TENANT_ID"], env["AZID_CLIENT_ID"], env["AZID_CLIENT_SECRET"])
    if kind == "certificate":
        return identity.CertificateCredential(env["AZID_TENANT_ID"], env["AZID_CLIENT_ID"], env["AZID_CERTIFICATE_PATH"])
    if kind == "environment":
        return identity.EnvironmentCredential()
    if kind == "default":
        return identity.DefaultAzureCredential()
    if kind == "managed-identity":
        return identity.ManagedIdentityCredential()
    raise SystemExit("unknown credential " + kind)


def main():
    if sys.argv[1] == "cloud-metadata":
        from msrestazure.azure_cloud import get_cloud_from_metadata_endpoint
        cloud = get_cloud_from_metadata_endpoint(os.environ["AZID_ARM_ENDPOINT"])
        e = cloud.endpoints
        print(json.dumps({"resource_manager": e.resource_manager, "active_directory": e.active_directory,
                          "active_directory_resource_id": e.active_directory_resource_id,
                          "active_directory_graph_resource_id": e.active_directory_graph_resource_id}))
        return
    token = credential(sys.argv[1]).get_token(ARM)
    print(json.dumps({"token": token.token, "expires_on": token.expires_on}))


main()
