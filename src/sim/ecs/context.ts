import type { World } from '../core/state.js'
import type { ServiceScheduler } from './rolling.js'

/** What the ECS operations work on: the emulator's world, and the scheduler that moves its services' tasks. */
export interface EcsContext {
  readonly world: World
  readonly scheduler: ServiceScheduler
}
