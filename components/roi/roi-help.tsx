/** How value is attributed: the rules of lib/roi/attribution.ts and README "ROI attribution", for finance. */
export function RoiHelp() {
  return (
    <details className="card roi-help">
      <summary>How value and ROI are attributed</summary>
      <ul>
        <li>
          <strong>Outcomes with a trace id</strong> take the cost of that trace&apos;s calls: their value is split over the team, feature and model of
          each call in proportion to its cost (by number of calls if the trace cost nothing).
        </li>
        <li>
          <strong>Outcomes without a trace id</strong> go to their own team and feature in the same period, split over the models that feature called
          in proportion to the number of calls: which call earned the outcome is unknown. An outcome whose trace has no calls yet counts this way
          until the calls arrive, then follows its trace.
        </li>
        <li>
          <strong>Events may carry a value</strong> themselves (<code>valueUsd</code>); it counts for the event&apos;s team, feature and model,
          without adding an outcome.
        </li>
        <li>
          <strong>Range</strong>: calls and outcomes count when their own timestamp is in the range (start included, end excluded). A trace&apos;s
          calls decide where its outcome goes whatever their time.
        </li>
        <li>
          <strong>ROI</strong> = (value − cost) / cost. With no cost it is <em>undefined</em>; a feature that spends but reports no outcomes shows
          <em> value unknown</em>, never −100 %. Value per million tokens = value / (input + output tokens) × 1,000,000; cost per outcome = cost /
          outcomes. Shared outcomes count as fractions, so model shares add up exactly.
        </li>
        <li>
          Amounts are exact to the nano-dollar; splits round each share down and give the remaining nano-dollars to the largest remainders, so the
          parts always add up to the outcome. Calls of models without a price have an unknown cost: their ROI is overstated and flagged.
        </li>
      </ul>
    </details>
  );
}
