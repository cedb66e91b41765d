import { it } from '@jest/globals'
import { DescribeServicesCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { fargateTaskDefinition, REGISTRY, startTestSim, TARGET_GROUP } from '../helpers/sim.js'
it('debug', async () => {
  const sim = await startTestSim({
    timing: { deregistrationDelaySeconds: 30 },
    ecr: { repositories: [{ name: 'web', images: [{ tag: 'v1' }, { tag: process.env.REPOTAG ?? process.env.TAG ?? 'v3', behavior: JSON.parse(process.env.BEH ?? '"healthy"') }] }] },
    taskDefinitions: [fargateTaskDefinition('web', `${REGISTRY}/web:v1`)],
    clusters: [{ name: 'prod', services: [{ name: 'web', taskDefinition: 'web:1', desiredCount: Number(process.env.N ?? 3),
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: JSON.parse(process.env.CB ?? '{"enable":true,"rollback":true}') },
      loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }] }] }],
  })
  await sim.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', `${REGISTRY}/web:${process.env.TAG ?? 'v3'}`)))
  await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
  const t0 = sim.clock.now()
  for (let i = 0; i < Number(process.env.STEPS ?? 60); i++) {
    const s = (await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0]
    console.log(`${(sim.clock.now() - t0) / 1000}s run=${s.runningCount} pend=${s.pendingCount} ` + s.deployments!.map((d) => `${d.id!.slice(-4)}:${d.status}/${d.rolloutState}/r${d.runningCount}p${d.pendingCount}d${d.desiredCount}f${d.failedTasks}`).join(' '))
    if (s.deployments!.length === 1 && s.deployments![0].rolloutState !== 'IN_PROGRESS' && i > 3) break
    sim.advance(5000)
  }
  const s = (await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0]
  console.log(s.events!.slice().reverse().map((e) => `${(e.createdAt!.getTime() - t0) / 1000} ${e.message}`).join('\n'))
  console.log(JSON.stringify(s.deployments, null, 1))
  await sim.close()
})
