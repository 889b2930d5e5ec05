// Small display helpers shared by the evidence blocks.
export const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
export const times = (ratio: number) => `${ratio.toFixed(1)}×`;
