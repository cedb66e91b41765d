import { it } from '@jest/globals'
import { DescribeServicesCommand, ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { startSim, ManualClock } from '../../src/sim/main.js'
import { clientConfig, fargateTaskDefinition, REGISTRY } from '../helpers/sim.js'
it('debug', async () => {
  const manual = process.env.MANUAL ? new ManualClock() : undefined
  const sim = await startSim({ speed: 200, clock: manual, scenario: {
    ecr: { repositories: [{ name: 'web', images: [{ tag: 'v1' }, { tag: 'v2', behavior: { healthy: { startSeconds: 50 } } }] }] },
    taskDefinitions: [fargateTaskDefinition('web', `${REGISTRY}/web:v1`)],
    clusters: [{ name: 'bench', services: [{ name: 'web', taskDefinition: 'web:1', desiredCount: 10,
      deploymentConfiguration: { maximumPercent: 110, minimumHealthyPercent: 100 },
      loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'web', containerPort: 8080 }] }] }] } })
  const ecs = new ECSClient(clientConfig(sim.url))
  await ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', `${REGISTRY}/web:v2`)))
  await ecs.send(new UpdateServiceCommand({ cluster: 'bench', service: 'web', taskDefinition: 'web:2' }))
  for (let i = 0; i < 200; i++) {
    const s = (await ecs.send(new DescribeServicesCommand({ cluster: 'bench', services: ['web'] }))).services![0]
    const tasks = [...sim.world.tasks.values()].filter((t) => t.deploymentId === s.deployments![1]?.id && t.lastStatus !== 'STOPPED')
    if (i % 10 === 0) console.log(i, s.runningCount, s.deployments!.map((d) => `${d.status}/${d.rolloutState}/${d.runningCount}`).join(' '), tasks.map((t) => `${t.lastStatus}/${t.desiredStatus}/${t.timers.length}`).join(','), (sim.clock as any).queue?.size)
    if (s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED') { console.log('done', i); break }
    if (manual) manual.advance(10_000); else await new Promise((r) => setTimeout(r, 50))
  }
  ecs.destroy(); await sim.close()
})
