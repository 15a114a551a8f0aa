import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnvFile } from '../../scripts/lib/env-file';

const root = resolve(import.meta.dirname, '../..');
const bicep = readFileSync(join(root, 'infra', 'azure.bicep'), 'utf8');
const secretLike = /secret|password|key|connection ?string|token|sas/i;

interface BicepOutput {
  name: string;
  value: string;
}

function outputs(text: string): BicepOutput[] {
  return [...text.matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+)$/gm)].map((match) => ({
    name: match[1] ?? '',
    value: match[2] ?? '',
  }));
}

interface WorkflowStep {
  uses: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  version: string;
  provision: WorkflowStep[];
  deploy: WorkflowStep[];
}

function readWorkflow(file: string): Workflow {
  return parse(readFileSync(join(root, file), 'utf8')) as Workflow;
}

describe('infra/azure.bicep', () => {
  it('serves only HTTPS with TLS 1.2 and a health check', () => {
    expect(bicep).toMatch(/httpsOnly:\s*true/);
    expect(bicep).toMatch(/minTlsVersion:\s*'1\.2'/);
    expect(bicep).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(bicep).toMatch(/supportsHttpsTrafficOnly:\s*true/);
    expect(bicep).toMatch(/healthCheckPath:\s*'\/healthz'/);
    expect(bicep).toMatch(/ftpsState:\s*'Disabled'/);
    expect(bicep).toMatch(/linuxFxVersion:\s*'NODE\|20-lts'/);
  });

  it('runs as a user-assigned identity granted Storage Table Data Contributor', () => {
    expect(bicep).toContain("'Microsoft.ManagedIdentity/userAssignedIdentities@");
    expect(bicep).toMatch(/type:\s*'UserAssigned'/);
    expect(bicep).toContain('0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3');
    expect(bicep).toMatch(
      /roleDefinitionId:\s*subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions', storageTableDataContributorRoleId\)/,
    );
    expect(bicep).toMatch(/principalId:\s*identity\.properties\.principalId/);
  });

  it('keeps the storage account private and keyless', () => {
    expect(bicep).toMatch(/allowBlobPublicAccess:\s*false/);
    expect(bicep).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(bicep).not.toMatch(/listKeys|AccountKey=|AZURE_STORAGE_CONNECTION_STRING/);
  });

  it('registers the bot as UserAssignedMSI on the web app with a Teams channel', () => {
    expect(bicep).toMatch(/kind:\s*'azurebot'/);
    expect(bicep).toMatch(/msaAppType:\s*'UserAssignedMSI'/);
    expect(bicep).toContain("endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'");
    expect(bicep).toMatch(/channelName:\s*'MsTeamsChannel'/);
    expect(bicep).toMatch(/BOT_TYPE:\s*'UserAssignedMSI'/);
  });

  it('outputs the values the toolkit writes to env files, none of them secret-looking', () => {
    const found = outputs(bicep);
    expect(found.map((output) => output.name)).toEqual(
      expect.arrayContaining([
        'BOT_ID',
        'BOT_DOMAIN',
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'AZURE_APP_SERVICE_RESOURCE_ID',
      ]),
    );
    expect(found.filter((output) => secretLike.test(output.name) || secretLike.test(output.value))).toEqual(
      [],
    );
  });
});

describe('Agents Toolkit project files', () => {
  const workflow = readWorkflow('m365agents.yml');

  it('provisions the Teams app, infrastructure and package in order', () => {
    expect(workflow.version).toMatch(/^v1\.\d+$/);
    const steps = workflow.provision.map((step) => step.uses);
    const order = [
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ];
    const positions = order.map((uses) => steps.indexOf(uses));
    expect(positions.filter((position) => position < 0)).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(workflow.deploy.map((step) => step.uses)).toContain('azureAppService/zipDeploy');
  });

  it('references infra and manifest files that exist', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const steps = [...readWorkflow(file).provision, ...readWorkflow(file).deploy];
      const paths = steps.flatMap((step) => {
        const options = step.with ?? {};
        const templates = (options.templates as { path: string; parameters: string }[] | undefined) ?? [];
        const manifestPath = typeof options.manifestPath === 'string' ? [options.manifestPath] : [];
        return [...templates.flatMap((template) => [template.path, template.parameters]), ...manifestPath];
      });
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
    }
  });

  it('has env files that parse and give every parameter placeholder a variable', () => {
    const parameters = readFileSync(join(root, 'infra', 'azure.parameters.json'), 'utf8');
    const names = [...parameters.matchAll(/\$\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');
    for (const env of ['local', 'dev']) {
      const values = parseEnvFile(readFileSync(join(root, 'env', `.env.${env}`), 'utf8'));
      expect(values.TEAMSFX_ENV).toBe(env);
      if (env === 'dev') expect(names.filter((name) => !(name in values))).toEqual([]);
    }
    expect(JSON.parse(parameters)).toHaveProperty('parameters.resourceBaseName');
  });
});
