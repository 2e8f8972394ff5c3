import type { CameraPlan, MoveSuggestion } from '../coverage/planCameras';
import type { Camera } from './importCameras';

/** Where a camera stands now and where the plan puts it: kept, moved, or new (planned, "NEW-n"). */
export type CameraStatus = 'kept' | 'moved' | 'new';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface CameraSite {
  id: string;
  name: string;
  kind: Camera['kind'];
  status: CameraStatus;
  /** Null for a planned camera: it is not on the ground yet. */
  current: LatLng | null;
  proposed: LatLng;
  radiusM: number;
  directionDeg: number | null;
  fovDeg: number | null;
  deployedDate: string;
  /** Demand the change gains (a move's gain, a new camera's marginal gain), in the plan's basis; 0 when kept. */
  gain: number;
  /** The place the change goes to, in the data's words ("On or near …"), when known. */
  toLocation: string;
}

export const plannedCameraId = (rank: number): string => `NEW-${rank}`;

/**
 * Every camera of the plan, once: those on the ground (moved where a move is suggested) and the
 * planned ones. Ids are the council's (FX-…, RD-…) and NEW-n for planned cameras, everywhere.
 */
export function cameraSites(cameras: readonly Camera[], plan: CameraPlan | null, moves: readonly MoveSuggestion[], defaultRadiusM: number): CameraSite[] {
  const moveOf = new Map(moves.map((m) => [m.cameraId, m]));
  const existing = cameras.map((camera): CameraSite => {
    const move = moveOf.get(camera.id);
    const here = { lat: camera.lat, lng: camera.lng };
    return {
      id: camera.id,
      name: camera.name,
      kind: camera.kind,
      status: move ? 'moved' : 'kept',
      current: here,
      proposed: move ? { lat: move.toLat, lng: move.toLng } : here,
      radiusM: camera.radiusM ?? defaultRadiusM,
      directionDeg: camera.directionDeg,
      fovDeg: camera.fovDeg,
      deployedDate: camera.deployedDate ?? '',
      gain: move?.gain ?? 0,
      toLocation: move?.toLocation ?? '',
    };
  });
  const planned = (plan?.planned ?? []).map(
    (c): CameraSite => ({
      id: plannedCameraId(c.rank),
      name: c.topLocation,
      kind: 'redeployable',
      status: 'new',
      current: null,
      proposed: { lat: c.lat, lng: c.lng },
      radiusM: defaultRadiusM,
      directionDeg: null,
      fovDeg: null,
      deployedDate: '',
      gain: c.marginalGain,
      toLocation: c.topLocation,
    }),
  );
  return [...existing, ...planned];
}
